import type { HeaderSource, RawBody, VerifyOptions, VerifyResult, WebhookScheme, WebhookSecret } from './types.ts';

/**
 * Runs `scheme` and types the event as `P`. The cast is the contract of generated code: the
 * event-map type was generated from the same description the vendor's payloads follow. Kept apart
 * from the scheme registry so a bundle that imports one scheme carries only that one.
 */
export function verifyWithScheme<P>(
  scheme: WebhookScheme,
  body: RawBody,
  headers: HeaderSource,
  secret: WebhookSecret,
  options?: VerifyOptions,
): Promise<VerifyResult<P>> {
  return scheme.verify(body, headers, secret, options) as Promise<VerifyResult<P>>;
}
