// The document Prism validates against: the vendor's effective document with its REQUEST side
// untouched (paths, parameters, request bodies and their encodings, security, servers) and its
// response side reduced to status codes and media types, except a response the request side
// points into with a `$ref` (some specs reuse a property of a response schema in a request body),
// which stays whole.
//
// Why: Prism dereferences the whole document at start-up. A large spec's response schemas can be
// deeply recursive (expandable fields point back at whole resources); on the largest pinned one,
// Prism's dereferencer had not finished after 15 minutes, while the request side alone loads in seconds. This suite
// asserts request violations only, so response schemas carry no information it uses; and an empty
// response schema also stops Prism from reporting its own generated examples as response errors.
import { keyQuery, requestPath } from '../../generator/emit/request-path.ts';
import { writeDiscriminatorBranches } from './discriminator-branches.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The last segment of a fragment key's stand-in path (see fragmentRoutes). */
export const FRAGMENT_SEGMENT = '__svcgen_fragment_';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodePointerSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `type/subtype` with optional parameters, as RFC 9110 writes a media type. */
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~\w-]+\/[!#$%&'*+.^_`|~\w-]+\s*(?:;.*)?$/;

/**
 * Media types of a reduced response. Prism answers an Accept-less request with the first media
 * type and cannot write an object as text, so a wildcard (Swagger 2.0's `*\/*`, which these
 * vendors answer with JSON) becomes `application/json`, and other non-JSON types mock a string.
 * A key that is no media type (`xls`) becomes `application/octet-stream`: Prism 5.16 checks its
 * own mock answer's Content-Type with content-type's parse, which throws outside any handler on
 * such a key, and Prism's process dies with every request still in flight.
 */
function reduceContent(mediaTypes: string[]): Json {
  const out: Json = {};
  for (const media of mediaTypes) {
    const json = /json/i.test(media) || media === '*/*';
    const key = media === '*/*' ? 'application/json' : MEDIA_TYPE.test(media) ? media : 'application/octet-stream';
    out[key] ??= { schema: json ? {} : { type: 'string' } };
  }
  return out;
}

/**
 * Statuses Prism would answer that no fetch can return: a 1xx is interim, never a final response
 * (RFC 9110 §15.2: undici reads it and waits for the final one, which Prism never sends), and a
 * 407 is a network error by the Fetch standard (HTTP-network-or-cache fetch, "no-window" request).
 * Prism judges the request before it picks a response, so dropping them loses no request check;
 * an operation left without responses answers as `default`.
 */
const UNDELIVERABLE = /^(1(\d\d|XX)|407)$/i;

function reduceResponses(responses: unknown): Json {
  const out: Json = {};
  if (!isObject(responses)) return { default: { description: 'any' } };
  let dropped = false;
  for (const [status, response] of Object.entries(responses)) {
    if (UNDELIVERABLE.test(status)) {
      dropped = true;
      continue;
    }
    // A 205 has no content (RFC 9110 §15.3.6), whatever the spec lists: Prism would write its sample
    // with a Content-Length, and fetch, reading 205 as a null-body status, hands the client none.
    // The client copes with that (runtime/pipeline.ts resetContent); the mock still should not
    // answer what the RFC forbids.
    const content = isObject(response) && isObject(response.content) && status !== '205' ? response.content : undefined;
    const reduced: Json = { description: 'reduced for request validation' };
    if (content) reduced.content = reduceContent(Object.keys(content));
    out[status] = reduced;
  }
  if (dropped && Object.keys(out).length === 0) out.default = { description: 'the documented answers cannot reach a fetch client' };
  return out;
}

function pointerSegments(ref: string): string[] {
  return ref.slice(2).split('/').map(decodePointerSegment);
}

function at(root: unknown, segments: string[]): unknown {
  let target = root;
  for (const segment of segments) target = isObject(target) || Array.isArray(target) ? (target as Json)[segment] : undefined;
  return target;
}

/**
 * The unit the reduction rewrites that a pointer lies in, as segments: one response of an
 * operation (`paths/~1a/get/responses/200`) or an operation's callbacks; undefined elsewhere.
 */
function reducedUnit(segments: string[]): string[] | undefined {
  const [head, , method, part] = segments;
  if (head !== 'paths' || !(METHODS as readonly string[]).includes(method ?? '')) return undefined;
  if (part === 'responses' && segments.length >= 5) return segments.slice(0, 5);
  if (part === 'callbacks') return segments.slice(0, 4);
  return undefined;
}

/**
 * Walks the kept part of `copy` from `roots`, following every local `$ref`, and returns the
 * components (section → names) it needs. A ref may point at a component's root or into it
 * (`#/components/schemas/Video/properties/id`); either way the whole component stays, so the whole
 * component is walked, since Prism dereferences all of what stays. A ref into a response or the
 * callbacks the reduction rewrote (a request schema reusing part of a response schema) gets that
 * response or those callbacks back whole from `original`, which are then walked as well.
 */
function referencedComponents(copy: Json, original: Json, roots: unknown[]): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const seenRefs = new Set<string>();
  const restored = new Set<string>();
  walkRefs(roots, (value) => {
    if (!value.startsWith('#/') || seenRefs.has(value)) return [];
    seenRefs.add(value);
    const segments = pointerSegments(value);
    const [head, section, name] = segments;
    if (head === 'components' && section !== undefined && name !== undefined) {
      const names = used.get(section) ?? new Set<string>();
      used.set(section, names);
      if (names.has(name)) return [];
      names.add(name);
      return [at(copy, ['components', section, name])];
    }
    const next: unknown[] = [];
    const unit = reducedUnit(segments);
    if (unit && !restored.has(unit.join('/'))) {
      restored.add(unit.join('/'));
      const parent = at(copy, unit.slice(0, -1));
      const whole = at(original, unit);
      if (isObject(parent) && whole !== undefined) {
        parent[unit.at(-1)!] = structuredClone(whole);
        next.push(parent[unit.at(-1)!]);
      }
    }
    next.push(at(copy, segments));
    return next;
  });
  return used;
}

/**
 * Calls `onRef` with every string `$ref` under `roots` and the object holding it, and walks on
 * into the nodes it returns as well (a pointer's target, a restored part).
 */
function walkRefs(roots: unknown[], onRef: (ref: string, holder: Record<string, unknown>) => unknown[]): void {
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key !== '$ref') stack.push(value);
        else if (typeof value === 'string') stack.push(...onRef(value, node));
      }
    }
  }
}

/**
 * The path Prism routes a request of `key` by: the key up to a fragment (as the client sends it)
 * and up to a query string the key keeps (`/templates?desc=html`, a constant one the load leaves
 * in place), since Prism matches the URL's path alone.
 */
export function routablePath(key: string): string {
  return requestPath(key).split('?')[0]!;
}

/**
 * Path keys with a fragment (`/#X-Amz-Target=Svc.Op`, `/PutRecords#streamArn`), a query string
 * (`/templates?desc=html`: Prism routes such a request by `/templates`) or an empty segment
 * (`//openapi`, see withoutEmptySegments), each mapped to a
 * path of its own that Prism can route: the request path plus a segment naming the key by its
 * index among them. Prism serves a key as written, and the client sends the key up to its '#'
 * (generator/emit/request-path.ts), which no key matches (404) or, beside an unfragmented key on
 * the same path, the wrong operation does (its parameters reported missing). The harness sends the
 * operation's own requests to the stand-in path (harness.ts), so Prism judges each against its own
 * operation, the fragment's required header or query parameter included.
 */
export function fragmentRoutes(document: Json): Map<string, string> {
  const routes = new Map<string, string>();
  const keys = isObject(document.paths) ? Object.keys(document.paths) : [];
  for (const key of keys) {
    const path = routablePath(key);
    if (path !== key || EMPTY_SEGMENT.test(path)) routes.set(key, `${withoutEmptySegments(path).replace(/\/$/, '')}/${FRAGMENT_SEGMENT}${routes.size}`);
  }
  return routes;
}

/**
 * Local `$ref`s into a renamed path key (`#/paths/~1request?view=collection/get/parameters/6`)
 * pointed at a key Prism's document no longer has, and Prism refused to start; they now point at
 * the stand-in key, the rest of the pointer kept as written.
 */
function followRenamedPaths(copy: Json, routes: Map<string, string>): void {
  walkRefs([copy], (value, holder) => {
    if (!value.startsWith('#/paths/')) return [];
    const [, written, ...rest] = value.slice(2).split('/');
    const route = routes.get(decodePointerSegment(written!));
    if (route !== undefined) holder.$ref = ['#', 'paths', route.replace(/~/g, '~0').replace(/\//g, '~1'), ...rest].join('/');
    return [];
  });
}

/**
 * A renamed key's query string may name path parameters (`/current?lat={lat}&lon={lon}`, each
 * declared in: path), which the client sends as that query string's values. Prism routes by the
 * stand-in path, where no `{lat}` is left to read them from, and reported them missing; in its
 * document they become the query parameters the key's pairs name, so Prism checks the values the
 * request carries there. A copy of a referenced parameter: it may be a real path parameter elsewhere.
 */
function pathVariablesToQuery(copy: Json, routes: Map<string, string>): void {
  const paths = isObject(copy.paths) ? copy.paths : {};
  for (const [key, route] of routes) {
    const names = new Map<string, string>();
    for (const pair of keyQuery(key).split('&')) {
      const match = /^([^=]+)=\{([^{}]+)\}$/.exec(pair);
      if (match) names.set(match[2]!, match[1]!);
    }
    const item = paths[route];
    if (names.size === 0 || !isObject(item)) continue;
    for (const holder of [item, ...METHODS.map((method) => item[method])]) {
      if (!isObject(holder) || !Array.isArray(holder.parameters)) continue;
      holder.parameters = holder.parameters.map((entry) => {
        const parameter = resolved(copy, entry);
        if (!isObject(parameter) || parameter.in !== 'path' || typeof parameter.name !== 'string' || !names.has(parameter.name)) return entry;
        return { ...parameter, in: 'query', name: names.get(parameter.name) };
      });
    }
  }
}

/** An empty path segment (`//openapi`). */
const EMPTY_SEGMENT = /\/\//;

/**
 * `path` with its empty segments removed. Prism 5.16's server takes the request path from
 * `new URL(url, 'http://example.com')` (prism-http-server server.js), which reads `//openapi` as
 * a host name and the path as `/`: no key matches. So a key starting with an empty segment, which
 * the client sends as written (the server URL plus the key, as OpenAPI builds it), is unreachable
 * unless it gets a stand-in path too, as a fragment key does.
 */
export function withoutEmptySegments(path: string): string {
  return path.replace(/\/{2,}/g, '/');
}

/**
 * Header parameters OpenAPI says SHALL be ignored that the harness leaves out. Authorization is
 * ignored too, but stays: where a spec declares no security scheme, its required Authorization
 * parameter is Prism's only check that the client sends credentials.
 */
const IGNORED_HEADERS = new Set(['accept', 'content-type']);

/**
 * Removes the Accept and Content-Type header parameters (which OpenAPI ignores) from every
 * parameter list. Prism 5.16 validates them anyway: an Accept enum fails the `*\/*` that fetch
 * sends when the caller gives none.
 */
function dropIgnoredHeaders(copy: Json): void {
  const ignored = (entry: unknown): boolean => {
    const parameter = isObject(entry) && typeof entry.$ref === 'string' && entry.$ref.startsWith('#/') ? at(copy, pointerSegments(entry.$ref)) : entry;
    return isObject(parameter) && parameter.in === 'header' && typeof parameter.name === 'string' && IGNORED_HEADERS.has(parameter.name.toLowerCase());
  };
  for (const item of Object.values(isObject(copy.paths) ? copy.paths : {})) {
    if (!isObject(item)) continue;
    for (const holder of [item, ...METHODS.map((method) => item[method])]) {
      if (isObject(holder) && Array.isArray(holder.parameters)) holder.parameters = holder.parameters.filter((entry) => !ignored(entry));
    }
  }
}

/** `node`, or what its local `$ref` points at in `root` (one level: what Prism's default reading needs). */
function resolved(root: Json, node: unknown): unknown {
  return isObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#/') ? at(root, pointerSegments(node.$ref)) : node;
}

/**
 * Writes OpenAPI's default encoding out for the urlencoded properties that are arrays of scalars
 * without a styled entry: `style: form, explode: true` (OAS 3.1.1, Encoding Usage and
 * Restrictions). Prism 5.16 applies that style only when an entry says it: without one it reports
 * `Permission=a&Permission=b` as "must be array", with the entry it accepts it.
 */
function writeDefaultFormEncoding(copy: Json): void {
  for (const item of Object.values(isObject(copy.paths) ? copy.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      const body = isObject(operation) ? resolved(copy, operation.requestBody) : undefined;
      const media = isObject(body) && isObject(body.content) ? body.content['application/x-www-form-urlencoded'] : undefined;
      if (!isObject(media)) continue;
      const schema = resolved(copy, media.schema);
      if (!isObject(schema) || !isObject(schema.properties)) continue;
      for (const [name, raw] of Object.entries(schema.properties)) {
        const property = resolved(copy, raw);
        const items = isObject(property) ? resolved(copy, property.items) : undefined;
        const scalarItems = !isObject(items) || (items.type !== 'object' && items.type !== 'array' && !items.properties);
        if (!isObject(property) || property.type !== 'array' || !scalarItems) continue;
        const encoding = isObject(media.encoding) ? media.encoding : (media.encoding = {});
        const entry = isObject(encoding[name]) ? encoding[name] : {};
        if (!('style' in entry) && !('explode' in entry)) encoding[name] = { ...entry, style: 'form', explode: true };
      }
    }
  }
}

export interface RequestContractOptions {
  /**
   * Operations whose responses stay whole, because the client reads them to make other calls
   * (a token-exchange login must answer with a token).
   */
  keepResponses?: { method: string; path: string }[];
}

/**
 * A deep copy of `document` fit for Prism: request side as is, responses reduced (except those a
 * request-side `$ref` points into), components nothing kept refers to dropped, path keys with a
 * fragment renamed to their fragmentRoutes path (path parameters their query string names made
 * query parameters), Accept and Content-Type header parameters
 * (which OpenAPI ignores) removed, OpenAPI's default style written out for urlencoded arrays of
 * scalars, a discriminator's branch names written into its branches (discriminator-branches.ts).
 */
export function requestContractDocument(document: Json, options: RequestContractOptions = {}): Json {
  const copy = structuredClone(document);
  writeDiscriminatorBranches(copy);
  const routes = fragmentRoutes(document);
  if (routes.size > 0 && isObject(copy.paths)) {
    copy.paths = Object.fromEntries(Object.entries(copy.paths).map(([key, item]) => [routes.get(key) ?? key, item]));
    followRenamedPaths(copy, routes);
    pathVariablesToQuery(copy, routes);
  }
  const paths = isObject(copy.paths) ? copy.paths : {};
  const kept = new Set((options.keepResponses ?? []).map(({ method, path }) => `${method.toLowerCase()} ${routes.get(path) ?? path}`));
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (isObject(operation) && !kept.has(`${method} ${path}`)) {
        operation.responses = reduceResponses(operation.responses);
        delete operation.callbacks;
      }
    }
  }
  dropIgnoredHeaders(copy);
  writeDefaultFormEncoding(copy);
  delete copy.webhooks;
  // Root extensions are ours (webhook envelopes, vendor profile) except Prism's own faker settings.
  for (const key of Object.keys(copy)) if (key.startsWith('x-') && key !== 'x-json-schema-faker') delete copy[key];
  // Components only the responses used are dead weight for Prism's dereferencer.
  const components = isObject(copy.components) ? copy.components : undefined;
  // Tags stay, and a tag's extension may refer to a schema (`x-…-model: { $ref }`): Prism dereferences those too.
  const used = referencedComponents(copy, document, [copy.paths, copy.security, components?.securitySchemes, copy.tags]);
  if (components) {
    for (const [section, entries] of Object.entries(components)) {
      if (section === 'securitySchemes' || !isObject(entries)) continue;
      for (const name of Object.keys(entries)) if (!used.get(section)?.has(name)) delete entries[name];
    }
  }
  return copy;
}
