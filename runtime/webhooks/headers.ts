import { parseDecimal } from './timestamp.ts';
import { failure, type HeaderSource, type VerifyFailure, type VerifyOptions } from './types.ts';

/**
 * The header's single value, whatever the key case of a plain record. A header sent several times
 * is `undefined` in a record (ambiguous); fetch `Headers` has already joined such values with ", ".
 */
export function readHeader(headers: HeaderSource, name: string): string | undefined {
  return single(sentValue(headers, name));
}

/** The header's value, or the failure that explains its absence (missing, empty or repeated). */
export function requireHeader(headers: HeaderSource, name: string): string | VerifyFailure {
  // One lookup serves both the value and, when there is none, the reason.
  const found = sentValue(headers, name);
  const value = single(found);
  if (value) return value;
  if (Array.isArray(found) && found.length > 1) return failure('malformed-header', `${name} header was sent more than once`);
  return failure('missing-header', `${name} header is missing`);
}

/** What was sent under `name`: a fetch `Headers` value, or a record's entry as it is (possibly a list) under any key case. */
function sentValue(headers: HeaderSource, name: string): string | readonly string[] | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).has === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Exclude<HeaderSource, Headers>;
  if (Object.hasOwn(record, name)) return record[name];
  const wanted = name.toLowerCase();
  if (Object.hasOwn(record, wanted)) return record[wanted];
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === wanted) return record[key];
  }
  return undefined;
}

function single(found: string | readonly string[] | undefined): string | undefined {
  if (typeof found === 'string') return found;
  if (Array.isArray(found) && found.length === 1 && typeof found[0] === 'string') return found[0];
  return undefined;
}

/**
 * The signature and timestamp headers of a scheme that sends them separately, under the scheme's
 * names or the ones `options` renames them to: both as sent (the signed bytes start with the
 * timestamp text), the timestamp parsed as a decimal number in the scheme's unit, and the
 * signature header's name for messages about its value.
 */
export function readSignatureAndTimestamp(
  headers: HeaderSource,
  names: { signature: string; timestamp: string },
  options: VerifyOptions | undefined,
  unitName: string,
): { signatureName: string; signature: string; timestampText: string; timestamp: number } | VerifyFailure {
  const signatureName = options?.signatureHeader ?? names.signature;
  const timestampName = options?.timestampHeader ?? names.timestamp;
  const signature = requireHeader(headers, signatureName);
  if (typeof signature !== 'string') return signature;
  const timestampText = requireHeader(headers, timestampName);
  if (typeof timestampText !== 'string') return timestampText;
  const timestamp = parseDecimal(timestampText);
  if (timestamp === undefined) return failure('malformed-header', `${timestampName} is not a decimal Unix timestamp${unitName}`);
  return { signatureName, signature, timestampText, timestamp };
}
