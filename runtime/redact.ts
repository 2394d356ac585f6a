// The one scrubber for errors, auth, validation, events and logs. Three nets: field and header
// names that always hold secrets, values whose *shape* gives them away (JWTs, `Bearer …`, labelled
// values, email addresses, and the key shapes a vendor's profile declares), and values the caller
// knows are secret (a client id or API key with no recognisable shape must be named explicitly).

export const REDACTED = '[REDACTED]';

/**
 * A value to scrub: a string matches literally; a RegExp (with the `g` flag, or replaceAll throws)
 * is a shape, such as the key formats a generated client's profile lists in `secretShapes`.
 */
export type Secret = string | RegExp;

// Anchored on a non-alphanumeric (not \b) so `bad_key_eyJ…` is still caught. Key formats of one
// vendor are not listed here: each vendor's profile declares its own (`secretShapes`).
const JWT = /(?<![A-Za-z0-9])eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?/g;

// Keeps the scheme so a log still says *which* credential was sent.
const AUTH_SCHEME = /\b(Bearer|Basic|Token)(\s+)[A-Za-z0-9._~+/=-]{4,}/gi;
// `api_key=…`, `"x-client-id": "…"`, `Cookie: …`, `password: …` inside free text. A label after a
// hyphen (x-api-key, x-client-id, set-cookie) starts at its own word boundary: the prefix stays as written.
const LABELLED_SECRET =
  /\b(api[_-]?key|client[_-]?secret|client[_-]?id|secret|passw(?:or)?d|access[_-]?token|refresh[_-]?token|token|authorization|cookie|signature)(["']?\s*[:=]\s*["']?)(?!(?:Bearer|Basic|Token)\s)([^\s"'&,;}]+)/gi;

/** Header and field names whose values are always secret, whatever they look like. */
const SECRET_KEY =
  /api[_-]?key|client[_-]?id|secret|passw(?:or)?d|token|authorization|cookie|signature|passphrase|credential|private[_-]?key|session/i;

// Personal data: an email address is redacted wherever it appears in free text.
const EMAIL = /[\w.%+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function isSecretKey(name: string): boolean {
  return SECRET_KEY.test(name);
}

// Keeps what a pattern's first two groups matched (a scheme or a label, and its separator).
const keepLabel = (_m: string, label: string, sep: string) => `${label}${sep}${REDACTED}`;

/**
 * Returns `text` with every recognisable secret and every listed secret (value or shape) replaced
 * by `[REDACTED]`. Listed values shorter than 4 characters are ignored: scrubbing them would
 * mangle ordinary words without protecting anything real.
 */
export function redactText(text: string, secrets: readonly Secret[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // A string matches literally: no RegExp to build and escape per secret and call.
    if (typeof secret !== 'string' || secret.length >= 4) out = out.replaceAll(secret, REDACTED);
  }
  return out.replace(JWT, REDACTED).replace(AUTH_SCHEME, keepLabel).replace(LABELLED_SECRET, keepLabel).replace(EMAIL, REDACTED);
}

const MAX_DEPTH = 32;

/**
 * Deep copy of a JSON-like value with secret-named fields blanked and every string scrubbed.
 * Non-plain objects (Blob, Date …) are summarised rather than walked.
 */
export function redactValue(value: unknown, secrets: readonly Secret[] = []): unknown {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redactText(v, secrets);
    if (v === null || typeof v !== 'object') return v;
    if (depth > MAX_DEPTH || seen.has(v)) return REDACTED;
    seen.add(v);
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1));
    if (v instanceof Headers) return redactHeaders(v, secrets);
    if (v instanceof Error) {
      const code = (v as { code?: unknown }).code;
      return { name: v.name, message: redactText(v.message, secrets), ...(code === undefined ? {} : { code }) };
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return `[${(v as object).constructor?.name ?? 'object'}]`;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(v)) {
      out[key] = isSecretKey(key) && item !== null && item !== undefined && item !== '' ? REDACTED : walk(item, depth + 1);
    }
    return out;
  };
  return walk(value, 0);
}

/** Header pairs safe to show, by lower-case name: secret-named headers blanked, the rest scrubbed. */
export function redactHeaders(headers: Headers | Readonly<Record<string, string>>, secrets: readonly Secret[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (value: string, name: string) => {
    out[name.toLowerCase()] = isSecretKey(name) ? REDACTED : redactText(value, secrets);
  };
  if (headers instanceof Headers) headers.forEach(put);
  else for (const [name, value] of Object.entries(headers)) put(value, name);
  return out;
}

/** Redacted deep copy for logs and events (alias of redactValue without extra secrets). */
export function redact(value: unknown): unknown {
  return redactValue(value);
}
