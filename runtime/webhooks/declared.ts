// The verifier of a scheme declared as data (declared-spec.ts): what a fourth vendor's profile
// gets instead of a runtime module. It checks the header's shape, then the timestamp window (the
// signature items are decoded after it), then the cryptography, with the
// built-in schemes' failure codes, and like them it never throws
// on what arrives over the wire. The spec is read once, when the scheme is made. A scheme that signs
// the request's URL throws when the caller gives none: a deployment error, which a Worker answers
// 500 so the vendor redelivers once it is fixed, rather than a 401 that blames the sender.
import { eventBatch, oneEvent, parseVerifiedBody, parseWhileVerifying } from './body.ts';
import { base64ToBytes, bodyBytes, bodyText, lowerHexToBytes } from './bytes.ts';
import { constantTimeEqual } from './constant-time.ts';
import { declaredDeliveryProblem, declaredSignatureProblem, parsePayloadTemplate, signatureLength, type DeclaredSignature, type PayloadPart, type SecretEncoding } from './declared-spec.ts';
import { ecdsaDerToRaw } from './der.ts';
import { parseFormDelivery, sortedFieldText } from './form-fields.ts';
import { requireHeader } from './headers.ts';
import { keyCache, type KeyCache } from './key-cache.ts';
import { secretList } from './secrets.ts';
import { outsideTolerance, parseDecimal } from './timestamp.ts';
import { failure, type HeaderSource, type RawBody, type VerifyFailure, type WebhookDelivery, type WebhookScheme, type WebhookVerifier } from './types.ts';

const encoder = new TextEncoder();
const HMAC_HASH = { 'hmac-sha1': 'SHA-1', 'hmac-sha256': 'SHA-256', 'hmac-sha512': 'SHA-512' } as const;
const P256_SCALAR_BYTES = 32;

/**
 * A scheme verifying what `spec` declares, delivering `delivery`. Throws (a programming error, not
 * a delivery's) when the spec is inconsistent; the generator has refused such a profile already.
 */
export function declaredScheme<Id extends string>(id: Id, delivery: WebhookDelivery, spec: DeclaredSignature): WebhookScheme<Id> {
  const problem = declaredSignatureProblem(spec);
  if (problem) throw new TypeError(`webhook scheme '${id}': ${problem.path.join('.')}: ${problem.problem}`);
  const mismatch = declaredDeliveryProblem(spec, delivery);
  if (mismatch) throw new TypeError(`webhook scheme '${id}': payload: ${mismatch}`);
  const parts = parsePayloadTemplate(spec.payload, spec.timestamp !== undefined, spec.bodyHash !== undefined) as readonly PayloadPart[];
  const hashQuery = spec.bodyHash?.query;
  const shape = delivery === 'array' ? eventBatch : oneEvent;
  // A form is parsed once the signature matched: its fields are few, and URLSearchParams is cheap.
  const form = delivery === 'form';
  const check = signatureCheck(spec);
  const { signature: sig, timestamp: ts } = spec;
  const length = signatureLength(spec.algorithm);
  const separator = sig.separator;
  const sigPrefix = sig.prefix ?? '';
  const unitMs = ts?.unit === 'milliseconds' ? 1 : 1000;
  const signsUrl = parts.some((part) => part.kind === 'url');

  const verify: WebhookVerifier = async (body, headers, secret, options) => {
    if (signsUrl && typeof options?.url !== 'string') {
      throw new TypeError(`webhook scheme '${id}' signs the URL the delivery was sent to: pass it as options.url (the endpoint URL as configured at the vendor; the webhook middleware passes the request's own)`);
    }
    const signatureName = options?.signatureHeader ?? sig.header;
    const header = requireHeader(headers, signatureName);
    if (typeof header !== 'string') return header;
    const items = separator === undefined ? [header.trim()] : header.split(separator).map((item) => item.trim());

    let timestampText: string | undefined;
    if (ts) {
      let where: string;
      if (ts.prefix === undefined) {
        where = options?.timestampHeader ?? ts.header!;
        const sent = requireHeader(headers, where);
        if (typeof sent !== 'string') return sent;
        // Trimmed as fetch's Headers would have (a plain record keeps what the server parsed).
        timestampText = sent.trim();
      } else {
        where = `${signatureName} ${ts.prefix}`;
        const found = items.filter((item) => item.startsWith(ts.prefix!));
        if (found.length !== 1) return failure('malformed-header', `${signatureName}: ${found.length === 0 ? 'no' : 'more than one'} ${ts.prefix} timestamp`);
        timestampText = found[0]!.slice(ts.prefix.length);
      }
      const signedAt = parseDecimal(timestampText);
      if (signedAt === undefined) return failure('malformed-header', `${where} is not a decimal Unix timestamp in ${ts.unit}`);
      const late = outsideTolerance(signedAt, unitMs, options);
      if (late) return failure('timestamp-out-of-tolerance', late);
    }

    let offered = 0;
    const signatures: Uint8Array<ArrayBuffer>[] = [];
    for (const item of items) {
      if (ts?.prefix !== undefined && item.startsWith(ts.prefix)) continue;
      if (!item.startsWith(sigPrefix)) continue;
      offered++;
      const bytes = decodeSignature(item.slice(sigPrefix.length), spec);
      if (bytes && (length === undefined || bytes.length === length)) signatures.push(bytes);
    }
    if (offered === 0) return failure('malformed-header', `${signatureName} carries no ${sigPrefix ? `${sigPrefix} ` : ''}signature`);
    if (signatures.length === 0) return failure('malformed-header', `${signatureName}: no signature is a ${spec.algorithm} signature in ${sig.encoding}`);

    const payload = signedPayload(parts, body, timestampText, headers, options?.url ?? '', options?.method ?? 'POST');
    if (!(payload instanceof Uint8Array)) return payload;
    const secrets = secretList(secret);
    if (secrets.length === 0) return failure('signature-mismatch', 'no webhook secret is configured');
    // The body is parsed (and, with bodyHash, digested) while the signature is checked; the parse
    // is returned only when both matched.
    const verdict = check(secrets, payload, signatures);
    const digest = hashQuery === undefined ? undefined : bodyDigestMatches(body, options!.url!, hashQuery);
    const early = form ? undefined : parseWhileVerifying(body, shape);
    switch (await verdict) {
      case 'match':
        if (digest && !(await digest)) return failure('signature-mismatch', `the body does not match the ${hashQuery} digest the URL carries`);
        return form ? parseFormDelivery(body) : (early ?? parseVerifiedBody(body, shape));
      case 'no-usable-key':
        return failure('signature-mismatch', `no configured secret is a usable ${spec.algorithm} key`);
      default:
        return failure('signature-mismatch', 'no signature matches the payload under the configured secret(s)');
    }
  };

  const names: { signature: string; timestamp?: string } = { signature: sig.header };
  if (ts?.header !== undefined) names.timestamp = ts.header;
  return { id, delivery, headers: names, verify };
}

/**
 * Whether the URL's `query` parameter is the SHA-256 of the raw body in lowercase hex (a missing or
 * malformed parameter does not match). The URL is the one the signature covered.
 */
async function bodyDigestMatches(body: RawBody, url: string, query: string): Promise<boolean> {
  let sent: string | null;
  try {
    sent = new URL(url).searchParams.get(query);
  } catch {
    return false;
  }
  const claimed = sent === null ? undefined : lowerHexToBytes(sent);
  const actual = new Uint8Array(await crypto.subtle.digest('SHA-256', bodyBytes(body)));
  return claimed !== undefined && constantTimeEqual(claimed, actual);
}

/** The signed bytes, or the failure naming a header the payload needs and the delivery lacks. */
function signedPayload(
  parts: readonly PayloadPart[],
  body: RawBody,
  timestamp: string | undefined,
  headers: HeaderSource,
  url: string,
  method: string,
): Uint8Array<ArrayBuffer> | VerifyFailure {
  const texts: string[] = [];
  for (const part of parts) {
    if (part.kind === 'body') texts.push(typeof body === 'string' ? body : '');
    else if (part.kind === 'form') {
      const text = bodyText(body);
      if (text === undefined) return failure('unparsable-body', 'body is not valid UTF-8');
      texts.push(sortedFieldText(text));
    } else if (part.kind === 'text') texts.push(part.text);
    else if (part.kind === 'timestamp') texts.push(timestamp!);
    else if (part.kind === 'url') texts.push(url);
    else if (part.kind === 'method') texts.push(method);
    else {
      const value = requireHeader(headers, part.name);
      if (typeof value !== 'string') return value;
      texts.push(value.trim());
    }
  }
  // A text body is encoded with the rest in one pass; bytes are copied in between the encoded text.
  if (typeof body === 'string') return encoder.encode(texts.join(''));
  const chunks = texts.map((text, i) => (parts[i]!.kind === 'body' ? bodyBytes(body) : encoder.encode(text)));
  if (chunks.length === 1) return chunks[0]!;
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

type Verdict = 'match' | 'mismatch' | 'no-usable-key';
type Check = (secrets: readonly string[], payload: Uint8Array<ArrayBuffer>, signatures: readonly Uint8Array<ArrayBuffer>[]) => Promise<Verdict>;

/** The cryptographic check of `spec`'s algorithm, with its own cache of imported keys. */
function signatureCheck(spec: DeclaredSignature): Check {
  const algorithm = spec.algorithm;
  const secret = spec.secret ?? {};
  if (algorithm === 'hmac-sha1' || algorithm === 'hmac-sha256' || algorithm === 'hmac-sha512') {
    const hash = HMAC_HASH[algorithm];
    const keys = keyCache(async (text) => {
      const bytes = decodeSecret(text, secret.prefix, secret.encoding ?? 'utf8');
      if (!bytes) throw new Error('undecodable secret');
      return crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash }, false, ['sign']);
    });
    return (secrets, payload, signatures) =>
      firstMatch(secrets, keys, async (key) => {
        const expected = new Uint8Array(await crypto.subtle.sign('HMAC', key, payload));
        // Every signature is compared, even after a match, so timing says nothing about which one matched.
        let matched = false;
        for (const signature of signatures) matched = constantTimeEqual(expected, signature) || matched;
        return matched;
      });
  }
  const ecdsa = algorithm === 'ecdsa-p256-sha256';
  const format = secret.format ?? (ecdsa ? 'spki' : 'raw');
  const importParams = ecdsa ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'Ed25519' };
  const verifyParams = ecdsa ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' };
  const keys = keyCache(async (text) => {
    // PEM framing and line breaks are tolerated around an spki key, as dashboards show it.
    const unframed = format === 'spki' ? text.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '') : text.trim();
    const bytes = decodeSecret(unframed, secret.prefix, secret.encoding ?? 'base64');
    if (!bytes) throw new Error('undecodable key');
    return crypto.subtle.importKey(format, bytes, importParams, false, ['verify']);
  });
  return (secrets, payload, signatures) =>
    firstMatch(secrets, keys, async (key) => {
      for (const signature of signatures) if (await crypto.subtle.verify(verifyParams, key, signature, payload)) return true;
      return false;
    });
}

/**
 * Tries the configured secrets in turn. `matches` is called before any await once a key is imported,
 * so its WebCrypto job is under way when this returns and the caller can parse the body meanwhile.
 */
async function firstMatch(secrets: readonly string[], keys: KeyCache, matches: (key: CryptoKey) => Promise<boolean>): Promise<Verdict> {
  let usable = 0;
  for (const text of secrets) {
    const key = keys.ready(text) ?? (await keys.get(text));
    if (!key) continue;
    usable++;
    if (await matches(key)) return 'match';
  }
  return usable === 0 ? 'no-usable-key' : 'mismatch';
}

/** A signature value's bytes in the form WebCrypto takes (ECDSA DER becomes r‖s), or undefined. */
function decodeSignature(text: string, spec: DeclaredSignature): Uint8Array<ArrayBuffer> | undefined {
  const bytes = decodeBytes(text, spec.signature.encoding);
  if (!bytes || spec.algorithm !== 'ecdsa-p256-sha256') return bytes;
  if ((spec.signature.format ?? 'der') === 'raw') return bytes.length === 2 * P256_SCALAR_BYTES ? bytes : undefined;
  return ecdsaDerToRaw(bytes, P256_SCALAR_BYTES);
}

function decodeSecret(text: string, prefix: string | undefined, encoding: SecretEncoding): Uint8Array<ArrayBuffer> | undefined {
  const bare = prefix && text.startsWith(prefix) ? text.slice(prefix.length) : text;
  if (bare.length === 0) return undefined;
  return encoding === 'utf8' ? encoder.encode(bare) : decodeBytes(bare, encoding);
}

/** Hex in either case, canonical padded base64, or base64url with or without padding. */
function decodeBytes(text: string, encoding: Exclude<SecretEncoding, 'utf8'>): Uint8Array<ArrayBuffer> | undefined {
  if (encoding === 'hex') return lowerHexToBytes(text.toLowerCase());
  if (encoding === 'base64') return base64ToBytes(text);
  if (/[+/]/.test(text)) return undefined;
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  return base64ToBytes(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='));
}
