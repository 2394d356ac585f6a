// Recognising a vendor's error body by its shape, never by the vendor's name:
//   envelope   {error: {type, code, message, param, decline_code}}
//   list       {errors: [{message, field, error_id}]}
//   flat       {code, message, source, details}
// A generated client passes the recogniser its spec needs (ErrorDescriber, see errors.ts):
// `describeEnvelopeError` when every error response the spec declares is an envelope, else
// `describeErrorBody`, which knows all three. A bundle carries only the one its client names.

import { holdsJsonDocument, labelledText } from './encoding/error-text.ts';
import { definedOnly, errorFromResponse, type ApiError, type ApiErrorContext, type ApiErrorDetail, type ErrorDescriber, type ErrorShape } from './errors.ts';

/** A plain JSON object: not null, not an array (webhooks/body.ts checks events with it too). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function detailOf(item: unknown): ApiErrorDetail {
  if (!isRecord(item)) return str(item) === undefined ? {} : { message: str(item) };
  const message = str(item.message) ?? str(item.detail);
  const field = str(item.field) ?? str(item.param) ?? str(item.parameter) ?? str(item.source);
  const code = str(item.code) ?? str(item.error_id);
  return definedOnly({ message, field, code });
}

/** Text bodies only (an HTML error page, a proxy's message): what a client without a recogniser reads. */
export const describeText: ErrorDescriber = (body) => {
  const text = typeof body === 'string' ? body.trim() : '';
  return text === '' ? {} : { message: text };
};

/** Recognises the common error-body shapes; exported for tests and for callers with raw bodies. */
export const describeErrorBody: ErrorDescriber = (body) => {
  if (!isRecord(body)) return describeText(body);
  const shape: ErrorShape = {};
  // Envelope: the real error sits one level down.
  const inner = isRecord(body.error) ? body.error : body;
  if (typeof body.error === 'string') shape.message = str(body.error);

  const list = Array.isArray(body.errors) ? body.errors : Array.isArray(inner.details) ? inner.details : undefined;
  if (list) {
    shape.details = list.map(detailOf);
    const joined = shape.details.map((d) => d.message).filter((m) => m !== undefined).join('; ');
    if (joined !== '' && Array.isArray(body.errors)) shape.message ??= joined;
  }
  shape.message = str(inner.message) ?? shape.message ?? str(inner.error_description) ?? str(inner.detail) ?? str(inner.title);
  const first = shape.details?.[0];
  shape.code = str(inner.code) ?? first?.code;
  shape.type = str(inner.type);
  shape.param = str(inner.param) ?? str(inner.source) ?? first?.field;
  shape.declineCode = str(inner.decline_code);
  return definedOnly(shape);
};

/**
 * The envelope shape alone: what `describeErrorBody` reads from a body with no `errors` list and
 * no `details` list (the generator picks it only for specs whose error responses are all envelopes).
 */
export const describeEnvelopeError: ErrorDescriber = (body) => {
  if (!isRecord(body)) return describeText(body);
  const inner = isRecord(body.error) ? body.error : body;
  return definedOnly({
    message: str(inner.message) ?? (typeof body.error === 'string' ? str(body.error) : undefined) ?? str(inner.error_description) ?? str(inner.detail) ?? str(inner.title),
    code: str(inner.code),
    type: str(inner.type),
    param: str(inner.param) ?? str(inner.source),
    declineCode: str(inner.decline_code),
  });
};

/** The ApiError for a failed response whose body the caller already parsed, any shape recognised. */
export function apiErrorFromResponse<B = unknown>(response: Response, context: ApiErrorContext, parsedBody?: B): ApiError<number, B> {
  return errorFromResponse(response, context, parsedBody, describeErrorBody);
}

/**
 * Reads the (unread) body as JSON, or as text when it is not JSON, then builds the ApiError. Under
 * a Content-Type that is not JSON the body is its text unless that holds a JSON object or array,
 * as a generated client reads such an error (encoding/error-text.ts): a text/plain "401" stays text.
 */
export async function readApiError(response: Response, context: ApiErrorContext): Promise<ApiError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // A body that cannot be read still leaves status and headers to report.
  }
  let parsed: unknown = text === '' ? undefined : text;
  try {
    if (text !== '' && (!labelledText(response) || holdsJsonDocument(text))) parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return apiErrorFromResponse(response, context, parsed);
}
