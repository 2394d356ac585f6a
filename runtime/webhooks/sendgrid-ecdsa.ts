// SendGrid's signed Event Webhook: ECDSA P-256 / SHA-256 over the timestamp header's text followed
// directly by the raw body. The signature header is base64 of a DER signature; the verification
// key is base64 DER SubjectPublicKeyInfo as SendGrid shows it (PEM framing is tolerated).
import { eventBatch, parseVerifiedBody, parseWhileVerifying } from './body.ts';
import { base64ToBytes, prefixed } from './bytes.ts';
import { ecdsaDerToRaw } from './der.ts';
import { readSignatureAndTimestamp } from './headers.ts';
import { keyCache } from './key-cache.ts';
import { secretList } from './secrets.ts';
import { outsideTolerance } from './timestamp.ts';
import { failure, type WebhookScheme, type WebhookVerifier } from './types.ts';

const HEADERS = { signature: 'x-twilio-email-event-webhook-signature', timestamp: 'x-twilio-email-event-webhook-timestamp' };
const P256_SCALAR_BYTES = 32;
const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

const publicKeys = keyCache(async (publicKey) => {
  const der = base64ToBytes(publicKey.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, ''));
  if (!der) throw new Error('not base64');
  return crypto.subtle.importKey('spki', der, ECDSA_P256, false, ['verify']);
});

export const verifySendgridEcdsa: WebhookVerifier = async (body, headers, publicKey, options) => {
  const sent = readSignatureAndTimestamp(headers, HEADERS, options, '');
  if ('ok' in sent) return sent;
  const { signatureName, signature: signatureText, timestampText, timestamp } = sent;
  const der = base64ToBytes(signatureText);
  if (!der) return failure('malformed-header', `${signatureName} is not base64`);
  const signature = ecdsaDerToRaw(der, P256_SCALAR_BYTES);
  if (!signature) return failure('malformed-header', `${signatureName} is not a DER ECDSA P-256 signature`);
  const late = outsideTolerance(timestamp, 1000, options);
  if (late) return failure('timestamp-out-of-tolerance', late);

  // The header's own text is signed, not a re-rendering of the number. The body is parsed while
  // the signature is checked; the parse is returned only when it matched.
  const verdict = ecdsaVerdict(secretList(publicKey), signature, prefixed(timestampText, body));
  const early = parseWhileVerifying(body, eventBatch);
  switch (await verdict) {
    case 'match':
      return early ?? parseVerifiedBody(body, eventBatch);
    case 'no-usable-key':
      return failure('signature-mismatch', 'no configured verification key is a base64 P-256 SubjectPublicKeyInfo');
    default:
      return failure('signature-mismatch', 'signature does not match the payload under the configured key(s)');
  }
};

/** Whether `signature` verifies under one of the keys; once the first key is imported, its check is under way when this returns. */
async function ecdsaVerdict(publicKeyTexts: readonly string[], signature: Uint8Array<ArrayBuffer>, signed: Uint8Array<ArrayBuffer>): Promise<'match' | 'mismatch' | 'no-usable-key'> {
  let usableKeys = 0;
  for (const candidate of publicKeyTexts) {
    const key = publicKeys.ready(candidate) ?? (await publicKeys.get(candidate));
    if (!key) continue;
    usableKeys++;
    if (await crypto.subtle.verify(ECDSA_SHA256, key, signature, signed)) return 'match';
  }
  return usableKeys === 0 ? 'no-usable-key' : 'mismatch';
}

export const sendgridEcdsaScheme: WebhookScheme<'sendgrid-ecdsa'> = {
  id: 'sendgrid-ecdsa',
  delivery: 'array',
  headers: { signature: 'X-Twilio-Email-Event-Webhook-Signature', timestamp: 'X-Twilio-Email-Event-Webhook-Timestamp' },
  verify: verifySendgridEcdsa,
};
