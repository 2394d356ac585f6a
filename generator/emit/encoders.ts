// Which runtime pieces an operation needs beyond the client (body, query and path encoders, the
// body-field idempotency key, success-body decoders, the keeping of error texts), decided at
// generation time so a Worker bundles only those: operations.js imports each one it names and
// references it from the operation's metadata, and a bundler drops the pieces of operations the
// Worker does not import.
import type { OperationModel } from '../model/types.ts';
import { mixedSuccessReadings, readsByContentType, streamsEvents } from '../model/success-reading.ts';
import { declaresTextError } from '../model/error-text.ts';
import { keyQuery } from './request-path.ts';
import { runtimeBinding, runtimeImport } from './runtime-bindings.ts';
import { literal } from './text.ts';

export { hasSuccessWithoutContent, hasUndescribedSuccess, mayCarryUndescribedBody, mixedSuccessReadings, streamsEvents } from '../model/success-reading.ts';

export interface EncoderRef {
  /** The OperationMeta field that carries it. */
  readonly field: 'encodeBody' | 'encodeQuery' | 'encodePath' | 'encodeHeaders' | 'bodyKey' | 'decodeBody' | 'errorText';
  /** The export of the runtime module. */
  readonly name: string;
  /** The module, as generated code imports it. */
  readonly module: string;
  /** When set, the export is a factory called with this argument text (per-operation settings). */
  readonly argument?: string;
}

const FORM: EncoderRef = { field: 'encodeBody', name: 'formBody', module: 'svcgen/runtime/encoding/form' };
/** Form with a field table (model/collection-format.ts): only operations with arrays or objects whose `encoding` names a format. */
const FORM_WITH: EncoderRef = { field: 'encodeBody', name: 'formBodyWith', module: 'svcgen/runtime/encoding/form' };
const MULTIPART: EncoderRef = { field: 'encodeBody', name: 'multipartBody', module: 'svcgen/runtime/encoding/multipart' };
/** Multipart with a part table (model/multipart-parts.ts): only operations whose `encoding` departs from the defaults. */
const MULTIPART_WITH: EncoderRef = { field: 'encodeBody', name: 'multipartBodyWith', module: 'svcgen/runtime/encoding/multipart' };
/**
 * Multipart under its declared type (multipart/related, multipart/mixed, …) or with fixed part
 * headers (model/multipart-body.ts): only operations with such a body, so a Worker without one
 * does not bundle runtime/encoding/multipart-declared.ts.
 */
const MULTIPART_AS: EncoderRef = { field: 'encodeBody', name: 'multipartBodyAs', module: 'svcgen/runtime/encoding/multipart-declared' };
/** Bodies sent as given under the spec's media type (binary and text media types): runtime/encoding/raw.ts. */
const RAW: EncoderRef = { field: 'encodeBody', name: 'rawBody', module: 'svcgen/runtime/encoding/raw' };
/** JSON sent under the spec's own media type (not plain application/json): runtime/encoding/json.ts. */
const JSON_AS: EncoderRef = { field: 'encodeBody', name: 'jsonBody', module: 'svcgen/runtime/encoding/json' };
const STYLED_QUERY: EncoderRef = { field: 'encodeQuery', name: 'styledQuery', module: 'svcgen/runtime/encoding/query' };
/** The styled query after a path key's constant query string (request-path.ts keyQuery). */
const STYLED_QUERY_AFTER: EncoderRef = { field: 'encodeQuery', name: 'styledQueryAfter', module: 'svcgen/runtime/encoding/query' };
/** The styled query with reserved characters left in the values of the named parameters: only operations with an `allowReserved` query parameter. */
const RESERVED_QUERY: EncoderRef = { field: 'encodeQuery', name: 'reservedQuery', module: 'svcgen/runtime/encoding/reserved-query' };
const STRICT_PATH: EncoderRef = { field: 'encodePath', name: 'serializePath', module: 'svcgen/runtime/encoding/path' };
/** Strict path that sends `''` for the named parameters: only operations whose spec lists `''` for one (model/empty-path-values.ts). */
const STRICT_PATH_ALLOWING_EMPTY: EncoderRef = { field: 'encodePath', name: 'serializePathAllowingEmpty', module: 'svcgen/runtime/encoding/path' };
/** Path with a style table: only operations with a path parameter in label or matrix style or exploded. */
const STYLED_PATH: EncoderRef = { field: 'encodePath', name: 'serializePathStyled', module: 'svcgen/runtime/encoding/path' };
/** Header parameters typed as arrays or objects, in simple style: only operations that have one. */
const STYLED_HEADERS: EncoderRef = { field: 'encodeHeaders', name: 'styledHeaders', module: 'svcgen/runtime/encoding/header' };
/** Cookie parameters, which openapi-fetch drops, in a Cookie header (and the styled headers, if any): only operations that have one. */
const STYLED_COOKIES: EncoderRef = { field: 'encodeHeaders', name: 'styledCookies', module: 'svcgen/runtime/encoding/cookie' };
/** A success body read by its own Content-Type: only operations whose success responses have no content, or `*\/*` content. */
const UNDESCRIBED_BODY: EncoderRef = { field: 'decodeBody', name: 'undescribedBody', module: 'svcgen/runtime/encoding/undescribed-body' };
/** Success bodies read by status: only operations whose success responses are described for some statuses and not others. */
const STATUS_BODY: EncoderRef = { field: 'decodeBody', name: 'statusBody', module: 'svcgen/runtime/encoding/status-body' };
/** An event stream tied to the call's signal: only operations whose success is text/event-stream. */
const EVENT_STREAM_BODY: EncoderRef = { field: 'decodeBody', name: 'eventStreamBody', module: 'svcgen/runtime/encoding/event-stream' };
/** Error bodies labelled not JSON kept as their text: only operations that declare an error response under such a type (model/error-text.ts). */
const ERROR_TEXT: EncoderRef = { field: 'errorText', name: 'keepErrorText', module: 'svcgen/runtime/encoding/error-text' };
const BODY_FIELD_KEY: EncoderRef = { field: 'bodyKey', name: 'bodyFieldKey', module: 'svcgen/runtime/policy/body-field-key' };

/** A JSON media type other than plain application/json, and no wildcard (`*\/*` is sent as application/json). */
function namesOwnJsonType(mediaType: string): boolean {
  const text = mediaType.trim().toLowerCase();
  return text !== 'application/json' && !text.includes('*');
}

/** A path template with a parameter: `{name}` in the spec's path. */
const TEMPLATED = /\{[^{}]+\}/;

/**
 * The encoders of `op`. `styledQuery` is true when the operation has a query parameter that is
 * not a plain exploded scalar (its metadata then carries the `query` table); `structuredHeaders`
 * names its array- or object-typed header parameters and those sent as JSON text.
 */
export function encodersOf(op: OperationModel, styledQuery: boolean, structuredHeaders: readonly string[] = []): EncoderRef[] {
  const out: EncoderRef[] = [];
  const encoding = op.requestBody?.encoding;
  if (encoding === 'form') {
    const fields = op.requestBody?.fields;
    out.push(fields ? { ...FORM_WITH, argument: literal(fields) } : FORM);
  } else if (encoding === 'multipart') {
    const parts = op.requestBody?.parts;
    const declared = op.requestBody?.multipart;
    if (declared) out.push({ ...MULTIPART_AS, argument: literal({ ...declared, parts }) });
    else out.push(parts ? { ...MULTIPART_WITH, argument: literal(parts) } : MULTIPART);
  } else if ((encoding === 'binary' || encoding === 'text') && op.requestBody) {
    out.push({ ...RAW, argument: literal(op.requestBody.mediaType) });
  } else if (encoding === 'json' && op.requestBody && namesOwnJsonType(op.requestBody.mediaType)) {
    out.push({ ...JSON_AS, argument: literal(op.requestBody.mediaType) });
  }
  const constantQuery = keyQuery(op.path);
  const reserved = op.parameters.filter((p) => p.in === 'query' && p.allowReserved).map((p) => p.name);
  if (reserved.length) out.push({ ...RESERVED_QUERY, argument: constantQuery ? `${literal(reserved)}, ${literal(constantQuery)}` : literal(reserved) });
  else if (constantQuery) out.push({ ...STYLED_QUERY_AFTER, argument: literal(constantQuery) });
  else if (styledQuery) out.push(STYLED_QUERY);
  if (TEMPLATED.test(op.path)) {
    const path = op.parameters.filter((p) => p.in === 'path');
    const empty = path.filter((p) => p.allowsEmpty).map((p) => p.name);
    const styled = path.filter((p) => p.style !== 'simple' || p.explode);
    if (styled.length) {
      const styles = literal(Object.fromEntries(styled.map((p) => [p.name, { style: p.style, explode: p.explode }])));
      out.push({ ...STYLED_PATH, argument: empty.length ? `${styles}, ${literal(empty)}` : styles });
    } else out.push(empty.length ? { ...STRICT_PATH_ALLOWING_EMPTY, argument: literal(empty) } : STRICT_PATH);
  }
  const headers = op.parameters.filter((p) => p.in === 'header' && structuredHeaders.includes(p.name));
  const headerTable = literal(Object.fromEntries(headers.map((p) => [p.name, p.style === 'json' ? 'json' : p.explode])));
  const cookies = op.parameters.filter((p) => p.in === 'cookie');
  if (cookies.length) {
    const cookieTable = literal(Object.fromEntries(cookies.map((p) => [p.name, { style: p.style, explode: p.explode }])));
    out.push({ ...STYLED_COOKIES, argument: headers.length ? `${cookieTable}, ${headerTable}` : cookieTable });
  } else if (headers.length) out.push({ ...STYLED_HEADERS, argument: headerTable });
  if (op.idempotency.kind === 'body-field') out.push(BODY_FIELD_KEY);
  if (streamsEvents(op)) out.push(EVENT_STREAM_BODY);
  else if (readsByContentType(op)) out.push(UNDESCRIBED_BODY);
  else {
    const readings = mixedSuccessReadings(op);
    if (readings) out.push({ ...STATUS_BODY, argument: literal(readings) });
  }
  if (declaresTextError(op)) out.push(ERROR_TEXT);
  return out;
}

/**
 * The metadata value of `ref`: the export itself, or a call of it marked pure so a bundler drops
 * the metadata of operations a Worker does not import.
 */
export function encoderValue(ref: EncoderRef): string {
  const binding = runtimeBinding(ref.name);
  return ref.argument === undefined ? binding : `/* @__PURE__ */ ${binding}(${ref.argument})`;
}

/** The import lines for every encoder in `refs`, one per module, in a stable order (under runtime-bindings.ts aliases). */
export function encoderImports(refs: Iterable<EncoderRef>): string[] {
  const byModule = new Map<string, Set<string>>();
  for (const ref of refs) {
    const names = byModule.get(ref.module) ?? new Set<string>();
    names.add(ref.name);
    byModule.set(ref.module, names);
  }
  return [...byModule]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([module, names]) => runtimeImport(module, names));
}
