// Airwallex: `x-signature` is lowercase hex HMAC-SHA256, keyed with the webhook secret's text, over
// the `x-timestamp` header's text (Unix milliseconds) followed directly by the raw body.
import { oneEvent, parseVerifiedBody, parseWhileVerifying } from './body.ts';
import { lowerHexToBytes, prefixed } from './bytes.ts';
import { readSignatureAndTimestamp } from './headers.ts';
import { hmacMatches } from './hmac.ts';
import { secretList } from './secrets.ts';
import { outsideTolerance } from './timestamp.ts';
import { failure, type WebhookScheme, type WebhookVerifier } from './types.ts';

const HEADERS = { signature: 'x-signature', timestamp: 'x-timestamp' };

export const verifyAirwallexHmac: WebhookVerifier = async (body, headers, secret, options) => {
  const sent = readSignatureAndTimestamp(headers, HEADERS, options, ' in milliseconds');
  if ('ok' in sent) return sent;
  const { signatureName, signature: signatureText, timestampText, timestamp: timestampMs } = sent;
  const signature = lowerHexToBytes(signatureText);
  if (signature?.length !== 32) return failure('malformed-header', `${signatureName} is not 64 lowercase hex digits`);
  const late = outsideTolerance(timestampMs, 1, options);
  if (late) return failure('timestamp-out-of-tolerance', late);

  const secrets = secretList(secret);
  if (secrets.length === 0) return failure('signature-mismatch', 'no webhook secret is configured');
  // The header's own text is signed, not a re-rendering of the number. The body is parsed while
  // the MAC is computed; the parse is returned only when the signature matched.
  const matching = hmacMatches(secrets, prefixed(timestampText, body), [signature]);
  const early = parseWhileVerifying(body, oneEvent);
  if (await matching) return early ?? parseVerifiedBody(body, oneEvent);
  return failure('signature-mismatch', 'signature does not match the payload under the configured secret(s)');
};

export const airwallexHmacScheme: WebhookScheme<'airwallex-hmac'> = {
  id: 'airwallex-hmac',
  delivery: 'object',
  headers: HEADERS,
  verify: verifyAirwallexHmac,
};
