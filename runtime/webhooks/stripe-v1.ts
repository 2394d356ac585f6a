// Stripe: `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, HMAC-SHA256 over
// `${t}.${body}` keyed with the whole `whsec_…` text. Several v1 values appear while Stripe rolls
// a secret, and several secrets may be configured while the user rolls theirs: any pair matches.
// Other schemes (v0, …) are ignored, as Stripe's SDK does.
import { oneEvent, parseVerifiedBody, parseWhileVerifying } from './body.ts';
import { lowerHexToBytes, prefixed } from './bytes.ts';
import { requireHeader } from './headers.ts';
import { hmacMatches } from './hmac.ts';
import { secretList } from './secrets.ts';
import { outsideTolerance, parseDecimal } from './timestamp.ts';
import { failure, type WebhookScheme, type WebhookVerifier } from './types.ts';

const SIGNATURE_HEADER = 'stripe-signature';

interface ParsedHeader {
  /** The timestamp as Stripe's SDK re-renders it into the signed payload (decimal, no padding). */
  timestamp: number;
  signatures: Uint8Array[];
}

/** Parses the header the way Stripe's SDK splits it (`,` then `=`), but strictly. */
export function parseStripeSignatureHeader(header: string): ParsedHeader | string {
  let timestamp: number | undefined;
  let sawV1 = false;
  const signatures: Uint8Array[] = [];
  // Item by item with indexOf rather than split(',') and split('='): this runs on every delivery.
  for (let start = 0; start <= header.length; ) {
    let end = header.indexOf(',', start);
    if (end < 0) end = header.length;
    const eq = header.indexOf('=', start);
    const item = start;
    start = end + 1;
    if (eq < 0 || eq > end) continue;
    const key = header.slice(item, eq);
    const value = header.slice(eq + 1, end);
    if (key === 't') {
      if (timestamp !== undefined) return 'more than one t= timestamp';
      timestamp = parseDecimal(value);
      if (timestamp === undefined) return 't= is not a decimal Unix timestamp';
    } else if (key === 'v1') {
      sawV1 = true;
      // A v1 that is not 32 bytes of lowercase hex can never equal a computed MAC.
      const bytes = lowerHexToBytes(value);
      if (bytes?.length === 32) signatures.push(bytes);
    }
  }
  if (timestamp === undefined) return 'no t= timestamp';
  if (!sawV1) return 'no v1= signature';
  return { timestamp, signatures };
}

export const verifyStripeV1: WebhookVerifier = async (body, headers, secret, options) => {
  const headerName = options?.signatureHeader ?? SIGNATURE_HEADER;
  const header = requireHeader(headers, headerName);
  if (typeof header !== 'string') return header;
  const parsed = parseStripeSignatureHeader(header);
  if (typeof parsed === 'string') return failure('malformed-header', `${headerName}: ${parsed}`);
  const late = outsideTolerance(parsed.timestamp, 1000, options);
  if (late) return failure('timestamp-out-of-tolerance', late);
  if (parsed.signatures.length === 0) return failure('signature-mismatch', 'no v1 signature is 64 lowercase hex digits');

  const secrets = secretList(secret);
  if (secrets.length === 0) return failure('signature-mismatch', 'no webhook secret is configured');
  // The body is parsed while the MAC is computed; the parse is returned only when a signature matched.
  const matching = hmacMatches(secrets, prefixed(`${parsed.timestamp}.`, body), parsed.signatures);
  const early = parseWhileVerifying(body, oneEvent);
  if (await matching) return early ?? parseVerifiedBody(body, oneEvent);
  return failure('signature-mismatch', 'no v1 signature matches the payload under the configured secret(s)');
};

export const stripeV1Scheme: WebhookScheme<'stripe-v1'> = {
  id: 'stripe-v1',
  delivery: 'object',
  headers: { signature: 'Stripe-Signature' },
  verify: verifyStripeV1,
};
