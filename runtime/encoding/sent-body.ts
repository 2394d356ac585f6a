// What every body encoder (OperationMeta.encodeBody) does once it has the bytes or text to send:
// openapi-fetch is told to send the body as it is, and the request names its media type.
import { SENT_BODY, type CallRequest } from '../contract.ts';

/** openapi-fetch `bodySerializer` for a body the encoder has already written. */
export const sentAsIs = (body: unknown): unknown => body;

/**
 * Replaces the call's body with `encode(body)`'s text, tells the pipeline that text (SENT_BODY,
 * so it need not read the body back for the first attempt), and sends it as `contentType`.
 */
export function sendText(request: CallRequest, headers: Record<string, string> | undefined, encode: (body: unknown) => string, contentType: string): void {
  if (request.body !== undefined) {
    const text = encode(request.body);
    request.body = text;
    request[SENT_BODY] = text;
  }
  request.bodySerializer = sentAsIs;
  request.headers = { ...headers, 'Content-Type': contentType };
}
