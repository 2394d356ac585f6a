import type { HeaderSource, RawBody, VerifyOptions, VerifyResult, WebhookScheme, WebhookSecret } from './types.ts';

/**
 * Runs `scheme` and types the event as `P`, for code holding a scheme object (`verifyWebhook` by
 * id, hand-written routes). The cast is the caller's claim that `P` describes the payloads. Kept
 * apart from the scheme registry so a bundle that imports one scheme carries only that one.
 * Generated verifiers call their scheme's verifier directly and make the same cast themselves.
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
