// A signature scheme written as data in a vendor's webhook profile (`x-svcgen-webhooks.scheme` as
// an object), for a vendor whose scheme the runtime has no module for. It covers the shapes vendors
// actually use: an HMAC or a public-key signature over a payload assembled from the body, a
// timestamp and other headers, carried in one header, alone or among several items. The generator
// validates a spec against this shape; the runtime reads it (declared.ts).

export const DECLARED_ALGORITHMS = ['hmac-sha1', 'hmac-sha256', 'hmac-sha512', 'ecdsa-p256-sha256', 'ed25519'] as const;
export type DeclaredAlgorithm = (typeof DECLARED_ALGORITHMS)[number];

export const SIGNATURE_ENCODINGS = ['hex', 'base64', 'base64url'] as const;
export type SignatureEncoding = (typeof SIGNATURE_ENCODINGS)[number];

export const SECRET_ENCODINGS = ['utf8', 'hex', 'base64', 'base64url'] as const;
export type SecretEncoding = (typeof SECRET_ENCODINGS)[number];

export interface DeclaredSignature {
  readonly algorithm: DeclaredAlgorithm;
  /**
   * What is signed, as a template: `{body}` is the raw body, `{form}` the fields of an urlencoded
   * body sorted by name, each name followed by its value (schemes that sign a form's fields; a
   * `form` delivery only); exactly one of the two, or neither with `bodyHash`. `{timestamp}` is
   * the timestamp's text as sent, `{header:Name}` another header's text, `{url}` the URL the
   * delivery was sent to and `{method}` its method (schemes that sign the request line);
   * everything else is literal.
   */
  readonly payload: string;
  readonly signature: {
    readonly header: string;
    readonly encoding: SignatureEncoding;
    /** Text before each signature value (`sha256=`, `v1,`); an item without it is not a signature. */
    readonly prefix?: string;
    /** The header holds several items split by this (`,`, ` `, `;`): any signature among them may match. */
    readonly separator?: string;
    /** ECDSA only: ASN.1 `der` (the common form, the default) or `raw` r‖s. */
    readonly format?: 'der' | 'raw';
  };
  /**
   * The body is bound through the URL instead of the payload: the query parameter `query` of the
   * URL the delivery was sent to carries the SHA-256 of the raw body in lowercase hex, and the
   * payload signs `{url}` (with that parameter) and no body.
   */
  readonly bodyHash?: { readonly query: string };
  /** Where the signed timestamp travels: a header of its own, or an item of the signature header. */
  readonly timestamp?: {
    readonly header?: string;
    /** The signature header's item starting with this (`t=`, `ts=`). */
    readonly prefix?: string;
    readonly unit: 'seconds' | 'milliseconds';
  };
  /** How the configured secret (or public key) is written. */
  readonly secret?: {
    /** Stripped when present (`whsec_`). */
    readonly prefix?: string;
    /** Default `utf8` (the text is the key) for HMAC; `base64` for public keys. */
    readonly encoding?: SecretEncoding;
    /** Public keys: `spki` (default for ECDSA, PEM framing tolerated) or `raw` (default for Ed25519). */
    readonly format?: 'spki' | 'raw';
  };
}

/** A part of the signed payload: literal text, the body (raw, or its form fields sorted), the timestamp, a header, or the request's URL or method. */
export type PayloadPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'body' }
  | { readonly kind: 'form' }
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'header'; readonly name: string }
  | { readonly kind: 'url' }
  | { readonly kind: 'method' };

const PLACEHOLDER = /\{(body|form|timestamp|url|method|header:[^{}]+)\}/g;
/** An HTTP field name (RFC 9110 token): anything else makes fetch's Headers throw on lookup. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The template's parts, or why it is not a usable payload template. `bodyInUrl`: the body is bound
 * through a digest the URL carries (`bodyHash`), so the template signs `{url}` and no body.
 */
export function parsePayloadTemplate(template: string, hasTimestamp: boolean, bodyInUrl = false): readonly PayloadPart[] | string {
  const parts: PayloadPart[] = [];
  let last = 0;
  let bodies = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ kind: 'text', text: template.slice(last, match.index) });
    const name = match[1]!;
    if (name === 'body' || name === 'form') {
      bodies++;
      parts.push({ kind: name });
    } else if (name === 'timestamp') {
      if (!hasTimestamp) return '`{timestamp}` needs a `timestamp` saying where the timestamp travels';
      parts.push({ kind: 'timestamp' });
    } else if (name === 'url' || name === 'method') {
      parts.push({ kind: name });
    } else {
      const header = name.slice('header:'.length).trim();
      if (!HEADER_NAME.test(header)) return `'{${name}}' does not name an HTTP header`;
      parts.push({ kind: 'header', name: header });
    }
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  if (bodyInUrl) {
    if (bodies !== 0) return 'with `bodyHash` the URL carries the body\'s digest: sign `{url}`, not `{body}` or `{form}`';
    if (!parts.some((part) => part.kind === 'url')) return 'with `bodyHash` the URL carries the body\'s digest: the payload must contain `{url}`';
  } else if (bodies !== 1) return `must contain \`{body}\` or \`{form}\` exactly once (found ${bodies})`;
  const stray = parts.find((part) => part.kind === 'text' && /[{}]/.test(part.text));
  if (stray) return `unknown placeholder in '${(stray as { text: string }).text}'; known: {body}, {form}, {timestamp}, {header:Name}, {url}, {method}`;
  return parts;
}

/** Byte length of a valid signature, so a value of another length is discarded before any crypto. */
export function signatureLength(algorithm: DeclaredAlgorithm): number | undefined {
  switch (algorithm) {
    case 'hmac-sha1':
      return 20;
    case 'hmac-sha256':
      return 32;
    case 'hmac-sha512':
      return 64;
    case 'ed25519':
      return 64;
    default:
      // ECDSA: 64 bytes raw; a DER value varies and is checked when it is converted.
      return undefined;
  }
}

/** Why `spec` cannot work, or undefined: the checks that go beyond its shape. */
export function declaredSignatureProblem(spec: DeclaredSignature): { path: string[]; problem: string } | undefined {
  const timestamp = spec.timestamp;
  if (timestamp && (timestamp.header === undefined) === (timestamp.prefix === undefined)) {
    return { path: ['timestamp'], problem: 'give exactly one of `header` (a header of its own) and `prefix` (an item of the signature header)' };
  }
  if (timestamp?.prefix !== undefined && spec.signature.separator === undefined) {
    return { path: ['timestamp', 'prefix'], problem: 'a timestamp inside the signature header needs `signature.separator` to split its items' };
  }
  const signaturePrefix = spec.signature.prefix ?? '';
  if (timestamp?.prefix !== undefined && signaturePrefix !== '' && (timestamp.prefix.startsWith(signaturePrefix) || signaturePrefix.startsWith(timestamp.prefix))) {
    return { path: ['timestamp', 'prefix'], problem: 'the timestamp item and the signature items need prefixes neither of which starts the other' };
  }
  if (!HEADER_NAME.test(spec.signature.header)) return { path: ['signature', 'header'], problem: 'not an HTTP header name' };
  if (timestamp?.header !== undefined && !HEADER_NAME.test(timestamp.header)) return { path: ['timestamp', 'header'], problem: 'not an HTTP header name' };
  if (spec.signature.format !== undefined && spec.algorithm !== 'ecdsa-p256-sha256') {
    return { path: ['signature', 'format'], problem: 'only ECDSA signatures have a format' };
  }
  if (spec.secret?.format !== undefined && spec.algorithm.startsWith('hmac-')) {
    return { path: ['secret', 'format'], problem: 'an HMAC secret has no key format' };
  }
  if (spec.secret?.format === 'raw' && spec.algorithm === 'ecdsa-p256-sha256') {
    return { path: ['secret', 'format'], problem: 'ECDSA public keys are read as spki' };
  }
  if (!spec.algorithm.startsWith('hmac-') && spec.secret?.encoding === 'utf8') {
    return { path: ['secret', 'encoding'], problem: 'a public key is bytes: hex, base64 or base64url' };
  }
  if (spec.bodyHash !== undefined && (typeof spec.bodyHash.query !== 'string' || spec.bodyHash.query === '')) {
    return { path: ['bodyHash', 'query'], problem: 'names the query parameter that carries the digest: a non-empty string' };
  }
  const parts = parsePayloadTemplate(spec.payload, timestamp !== undefined, spec.bodyHash !== undefined);
  if (typeof parts === 'string') return { path: ['payload'], problem: parts };
  return undefined;
}

/** Why `spec` cannot verify deliveries of this kind, or undefined. */
export function declaredDeliveryProblem(spec: DeclaredSignature, delivery: string): string | undefined {
  if (spec.payload.includes('{form}') && delivery !== 'form') return `\`{form}\` signs the fields of an urlencoded body: it needs delivery 'form', not '${delivery}'`;
  return undefined;
}
