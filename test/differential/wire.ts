// What a request looks like on the wire, raw and decoded, and how two of them differ. Both sides of
// a differential case are captured by the same server and read by the same code, so a difference
// found here is a difference in what the two clients sent, never in how we read it. Query and body
// are compared byte for byte (the decoded form only makes the report readable); the exceptions are
// a multipart body, whose boundary is random (its parts are compared decoded), and a query a
// vendor's rules say is compared decoded, with the reason.
import { isDeepStrictEqual } from 'node:util';
import type { CapturedRequest } from '../support/capture-server.ts';

export type BodyView =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  /** Decoded key/value pairs in the order sent. */
  | { kind: 'form'; pairs: [string, string][] }
  | { kind: 'multipart'; parts: PartView[] }
  | { kind: 'other'; mediaType: string; text: string };

export interface PartView {
  name: string;
  /** Present for file parts. */
  filename?: string;
  type?: string;
  text: string;
}

export interface WireView {
  method: string;
  /** As sent, still percent-encoded. */
  path: string;
  /** Decoded pairs in the order sent; compared as a multiset. */
  query: [string, string][];
  body: BodyView;
  /** Lowercased names, without the headers the caller chose to ignore. */
  headers: Record<string, string>;
  /** The media type of the Content-Type header (no parameters), when there was one. */
  mediaType: string | undefined;
  /** The query exactly as sent, without the `?`. */
  rawQuery: string;
  /** The body bytes exactly as sent. */
  rawBody: Uint8Array;
}

export interface CompareOptions {
  /**
   * When set (the reason), the query is compared as decoded pairs (a multiset) rather than as
   * bytes: for clients that percent-encode the same values differently (`+` or `%20`).
   */
  decodedQuery?: string;
}

function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

async function multipartParts(request: CapturedRequest): Promise<PartView[]> {
  const form = await new Response(request.body, { headers: { 'content-type': request.contentType ?? '' } }).formData();
  const parts: PartView[] = [];
  for (const [name, value] of form) {
    if (typeof value === 'string') parts.push({ name, text: value });
    else parts.push({ name, filename: value.name, type: value.type, text: await value.text() });
  }
  return parts;
}

export async function decodeBody(request: CapturedRequest): Promise<BodyView> {
  if (request.body.length === 0) return { kind: 'none' };
  const mediaType = mediaTypeOf(request.contentType) ?? 'application/octet-stream';
  const text = new TextDecoder().decode(request.body);
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
    try {
      return { kind: 'json', value: JSON.parse(text) };
    } catch {
      return { kind: 'other', mediaType, text };
    }
  }
  if (mediaType === 'application/x-www-form-urlencoded') return { kind: 'form', pairs: [...new URLSearchParams(text)] };
  if (mediaType === 'multipart/form-data') return { kind: 'multipart', parts: await multipartParts(request) };
  return { kind: 'other', mediaType, text };
}

export async function viewOf(request: CapturedRequest, ignoredHeaders: ReadonlySet<string>): Promise<WireView> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (!ignoredHeaders.has(name)) headers[name] = value;
  return {
    method: request.method,
    path: request.path,
    query: request.query,
    body: await decodeBody(request),
    headers,
    mediaType: mediaTypeOf(request.contentType),
    rawQuery: request.rawQuery,
    rawBody: request.body,
  };
}

function sortedPairs(pairs: [string, string][]): [string, string][] {
  return [...pairs].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
}

const show = (value: unknown) => JSON.stringify(value);

/** The pairs present on one side only (multiset difference), for readable reports. */
function pairDelta(left: [string, string][], right: [string, string][]): { onlyLeft: string[]; onlyRight: string[] } {
  const remaining = right.map(([k, v]) => `${k}=${v}`);
  const onlyLeft: string[] = [];
  for (const [k, v] of left) {
    const at = remaining.indexOf(`${k}=${v}`);
    if (at === -1) onlyLeft.push(`${k}=${v}`);
    else remaining.splice(at, 1);
  }
  return { onlyLeft, onlyRight: remaining };
}

function describePairs(label: string, sdk: [string, string][], ours: [string, string][]): string {
  const { onlyLeft, onlyRight } = pairDelta(sdk, ours);
  if (onlyLeft.length === 0 && onlyRight.length === 0) return `${label}: same pairs in a different order: SDK ${show(sdk)} vs ours ${show(ours)}`;
  return `${label}: SDK only ${show(onlyLeft.slice(0, 8))}, ours only ${show(onlyRight.slice(0, 8))}`;
}

function bodyDifference(sdk: BodyView, ours: BodyView): string | undefined {
  if (sdk.kind !== ours.kind) return `body: SDK sent ${sdk.kind}${sdk.kind === 'none' ? '' : ` ${show(sdkSummary(sdk))}`}, ours ${ours.kind}${ours.kind === 'none' ? '' : ` ${show(sdkSummary(ours))}`}`;
  switch (sdk.kind) {
    case 'none':
      return undefined;
    case 'json':
      return isDeepStrictEqual(sdk.value, (ours as typeof sdk).value) ? undefined : `body: SDK ${show(sdk.value)} vs ours ${show((ours as typeof sdk).value)}`;
    case 'form': {
      const other = (ours as typeof sdk).pairs;
      return isDeepStrictEqual(sdk.pairs, other) ? undefined : describePairs('form body', sdk.pairs, other);
    }
    case 'multipart': {
      const other = (ours as typeof sdk).parts;
      return isDeepStrictEqual(sdk.parts, other) ? undefined : `multipart body: SDK ${show(sdk.parts)} vs ours ${show(other)}`;
    }
    case 'other': {
      const other = ours as typeof sdk;
      return sdk.mediaType === other.mediaType && sdk.text === other.text ? undefined : `body: SDK ${sdk.mediaType} ${show(sdk.text)} vs ours ${other.mediaType} ${show(other.text)}`;
    }
  }
}

function sdkSummary(body: BodyView): unknown {
  switch (body.kind) {
    case 'json':
      return body.value;
    case 'form':
      return body.pairs;
    case 'multipart':
      return body.parts;
    case 'other':
      return body.text;
    default:
      return undefined;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The first differing stretch of two byte strings, shown as text, for the report. */
function bytesDelta(label: string, sdk: Uint8Array | string, ours: Uint8Array | string): string {
  const a = typeof sdk === 'string' ? sdk : new TextDecoder().decode(sdk);
  const b = typeof ours === 'string' ? ours : new TextDecoder().decode(ours);
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const from = Math.max(0, at - 20);
  return `${label} bytes differ at ${at}: SDK ${show(a.slice(from, at + 40))} vs ours ${show(b.slice(from, at + 40))}`;
}

/**
 * Every way `ours` differs from `sdk`: method, path (as sent), query and body (bytes; see the file
 * comment for the two exceptions) and the headers neither side was told to ignore. Content-Type
 * is compared by media type, and only when both sent a body (a boundary is random; a header on a
 * bodiless request says nothing).
 */
export function differences(sdk: WireView, ours: WireView, options: CompareOptions = {}): string[] {
  const found: string[] = [];
  if (sdk.method !== ours.method) found.push(`method: SDK ${sdk.method} vs ours ${ours.method}`);
  if (sdk.path !== ours.path) found.push(`path: SDK ${sdk.path} vs ours ${ours.path}`);
  if (!isDeepStrictEqual(sortedPairs(sdk.query), sortedPairs(ours.query))) found.push(describePairs('query', sdk.query, ours.query));
  else if (options.decodedQuery === undefined && sdk.rawQuery !== ours.rawQuery) found.push(bytesDelta('query', sdk.rawQuery, ours.rawQuery));
  const body = bodyDifference(sdk.body, ours.body);
  if (body) found.push(body);
  else if (sdk.body.kind !== 'multipart' && !sameBytes(sdk.rawBody, ours.rawBody)) found.push(bytesDelta('body', sdk.rawBody, ours.rawBody));
  if (sdk.body.kind !== 'none' && ours.body.kind !== 'none' && sdk.mediaType !== ours.mediaType) {
    found.push(`content-type: SDK ${sdk.mediaType} vs ours ${ours.mediaType}`);
  }
  const names = new Set([...Object.keys(sdk.headers), ...Object.keys(ours.headers)]);
  names.delete('content-type');
  for (const name of [...names].sort()) {
    const a = sdk.headers[name];
    const b = ours.headers[name];
    if (a !== b) found.push(`header ${name}: SDK ${a === undefined ? '(none)' : show(a)} vs ours ${b === undefined ? '(none)' : show(b)}`);
  }
  return found;
}

/** What `differences` compares under these rules, in words, for the suite's output. */
export function describeComparison(ignoredHeaders: readonly string[], options: CompareOptions = {}): string {
  const query = options.decodedQuery === undefined ? 'query bytes' : 'query as decoded pairs (not bytes)';
  return `compared: method, path as sent, ${query}, body bytes (multipart: each part decoded, the boundary is random), every header except ${[...ignoredHeaders].sort().join(', ')}`;
}
