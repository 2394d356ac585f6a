// Secrets and personal data must never reach a log line, an event or an error message. Two
// nets: field names that hold credentials (redacted whatever their value), and text patterns
// for credentials and email addresses that turn up inside free text (messages, URLs, bodies).

export const REDACTED = '[REDACTED]';

const SECRET_NAME =
  /authorization|cookie|api[-_]?key|client[-_]?id|secret|token|password|passphrase|signature|credential|private[-_]?key|session/i;

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // `name: value`, `name=value`, `"name":"value"` where the name says the value is a secret.
  [
    /([\w-]*(?:authorization|cookie|api[-_]?key|client[-_]?id|secret|token|password|signature)[\w-]*["']?\s*[:=]\s*["']?)(?:(?:Bearer|Basic)\s+)?[^\s"'&,;]+/gi,
    `$1${REDACTED}`,
  ],
  [/\b(Bearer|Basic)\s+[\w\-.~+/]+=*/g, `$1 ${REDACTED}`],
  // Stripe secret/restricted keys and webhook secrets, SendGrid keys, JWTs (Airwallex tokens).
  [/\b(?:[sr]k_(?:live|test)_\w+|whsec_[\w+/=]+|SG\.[\w-]+\.[\w-]+|eyJ[\w-]*\.[\w-]+\.[\w-]*)/g, REDACTED],
  [/[\w.%+-]+@[\w-]+(?:\.[\w-]+)+/g, REDACTED],
];

export function redactText(text: string): string {
  for (const [pattern, replacement] of PATTERNS) text = text.replace(pattern, replacement);
  return text;
}

/** A redacted deep copy of a value: Headers, Errors, arrays and plain objects are walked. */
export function redact(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value) || depth > 8) return '[…]';
  seen.add(value);
  if (value instanceof Headers) {
    const fields: Record<string, string> = {};
    value.forEach((item, name) => (fields[name] = item));
    return walk(fields, depth, seen);
  }
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: redactText(value.message), ...(code === undefined ? {} : { code }) };
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_NAME.test(key) && item !== undefined && item !== null ? REDACTED : walk(item, depth + 1, seen);
  }
  return out;
}
