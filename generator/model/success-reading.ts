// How the client reads an operation's success body, decided once for the emitters (the metadata's
// `parseAs` and body decoder, emit/operations.ts and emit/encoders.ts) and for the typing document,
// whose success types must say what a call resolves with (model/typing-document.ts).
import { classifyMediaType, isAnyMediaType } from '../media-type.ts';
import type { BodyReading, OperationModel, ResponseModel } from './types.ts';

/** The success answers: the 2xx responses or, without any, `default` (OpenAPI: the undeclared codes). */
export function successResponses(op: OperationModel): ResponseModel[] {
  const ok = op.responses.filter((r) => /^2/.test(r.status));
  return ok.length ? ok : op.responses.filter((r) => r.status === 'default');
}

/**
 * How a described response's body is read: its `reading` (the model builder sets it from the media
 * type and schema), else by its media type alone. A JSON type as JSON, text as text; `*\/*` by the
 * answer's own Content-Type (any type may come); every other type as the bytes, a Blob.
 */
export function readingOf(response: ResponseModel): BodyReading | undefined {
  if (!response.mediaType) return undefined;
  if (response.reading) return response.reading;
  if (isAnyMediaType(response.mediaType)) return 'content-type';
  const encoding = classifyMediaType(response.mediaType);
  return encoding === 'json' ? 'json' : encoding === 'text' ? 'text' : 'blob';
}

/**
 * Whether the success body the client reads is an event stream (text/event-stream): a server keeps
 * it open while it has events, so it is handed over as a stream when the response starts
 * (runtime/encoding/event-stream.ts), whatever other success statuses say. An operation that also
 * offers JSON reads (and asks for) JSON.
 */
export function streamsEvents(op: OperationModel): boolean {
  if (op.method === 'head') return false;
  const read = successResponses(op).find((r) => r.mediaType)?.mediaType;
  return read !== undefined && read.split(';')[0]!.trim().toLowerCase() === 'text/event-stream';
}

/** Whether some success status has no content in the spec: a call may then resolve with nothing. */
export function hasSuccessWithoutContent(op: OperationModel): boolean {
  return op.responses.some((r) => /^2/.test(r.status) && !r.mediaType);
}

/** A response without content in the spec on a status that may still carry a body (not 204 or 205). */
export function mayCarryUndescribedBody(response: ResponseModel): boolean {
  return !response.mediaType && response.status !== '204' && response.status !== '205';
}

/**
 * Whether the operation succeeds with a body the spec does not describe: no success response has
 * content, and one of them may carry a body (not only 204 or 205, which have none; not HEAD).
 */
export function hasUndescribedSuccess(op: OperationModel): boolean {
  const success = successResponses(op);
  if (op.method === 'head' || success.some((r) => r.mediaType)) return false;
  return success.some(mayCarryUndescribedBody);
}

/**
 * For an operation whose success statuses are read differently (not HEAD), how each described
 * status reads; otherwise undefined, and one reading serves every status. They differ where some
 * statuses are described and another, which may carry a body, is not (read by its Content-Type),
 * or where a status is read by its Content-Type (`*\/*`) and another is not.
 */
export function mixedSuccessReadings(op: OperationModel): Record<string, BodyReading> | undefined {
  if (op.method === 'head') return undefined;
  const success = op.responses.filter((r) => /^2/.test(r.status));
  const described = success.filter((r) => r.mediaType);
  if (described.length === 0) return undefined;
  const readings = described.map((r) => [r.status.toUpperCase(), readingOf(r)!] as const);
  const byContentType = readings.filter(([, reading]) => reading === 'content-type').length;
  const differ = byContentType > 0 && byContentType < readings.length;
  if (!differ && !success.some(mayCarryUndescribedBody)) return undefined;
  return Object.fromEntries(readings);
}

/**
 * Whether every success body is read by the answer's own Content-Type (runtime/encoding/
 * undescribed-body.ts): undescribed ones, and the `*\/*` ones no other reading competes with.
 */
export function readsByContentType(op: OperationModel): boolean {
  if (streamsEvents(op)) return false;
  if (hasUndescribedSuccess(op)) return true;
  if (mixedSuccessReadings(op)) return false;
  const ok = successResponses(op).find((r) => r.mediaType);
  return ok !== undefined && readingOf(ok) === 'content-type';
}

/** openapi-fetch parses every body as JSON unless told otherwise: how the client asks for the success body. */
export function successParseAs(op: OperationModel): 'text' | 'blob' | 'stream' | undefined {
  if (streamsEvents(op)) return 'stream';
  // An undescribed success body is fetched as bytes, then read by its own Content-Type (encoders.ts).
  // So is one whose success statuses are read differently, then read by status.
  if (hasUndescribedSuccess(op) || mixedSuccessReadings(op)) return 'blob';
  const ok = successResponses(op).find((r) => r.mediaType);
  const reading = ok ? readingOf(ok) : undefined;
  if (reading === undefined || reading === 'json') return undefined;
  return reading === 'text' ? 'text' : 'blob';
}

/**
 * The described success statuses (2xx, as the spec spells them) on which a call resolves with what
 * `reading` makes of the body: the bytes as they came, a Blob, or the text, a string. Their type must
 * say so, whatever schema the spec gives the body. `default`, even where it stands for success, is
 * left out: openapi-fetch's types take it for an error status only, so it is typed as an error body is read.
 */
export function successStatusesRead(op: OperationModel, reading: 'blob' | 'text'): string[] {
  if (streamsEvents(op)) return [];
  const described = op.responses.filter((r) => /^2/.test(r.status) && r.mediaType);
  const mixed = mixedSuccessReadings(op);
  if (mixed) return described.filter((r) => mixed[r.status.toUpperCase()] === reading).map((r) => r.status);
  // One reading for every status: openapi-fetch hands over a Blob, or the text, for each of them.
  return successParseAs(op) === reading && !readsByContentType(op) ? described.map((r) => r.status) : [];
}
