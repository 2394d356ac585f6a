// Operations out of an effective OpenAPI 3.x document: one OperationModel per method+path, with
// parameters merged from path level, bodies and responses classified by media type, and the
// vendor profile's rules (parameter roles, idempotency, buckets, caching, pagination) applied.
import type {
  BodyEncoding,
  BodyReading,
  HttpMethod,
  IdempotencyMechanism,
  OperationModel,
  ParameterModel,
  RequestBodyModel,
  ResilienceClass,
  ResponseModel,
  SchemaObject,
} from './types.ts';
import type { VendorProfile } from './profile.ts';
import { deref, derefAt, toPointer } from '../json-pointer.ts';
import { classifyMediaType, isAnyMediaType } from '../media-type.ts';
import { camelCase } from './naming.ts';
import { detectPagination } from './pagination.ts';
import { multipartParts } from './multipart-parts.ts';
import { declaredMultipart, isFormData } from './multipart-body.ts';
import { formFields } from './collection-format.ts';
import { listsEmptyString } from './empty-path-values.ts';
import { jsonContentSchema } from './json-parameters.ts';
import { suppliedId } from './supplied-keys.ts';
import { operationServer } from './operation-servers.ts';
import { absoluteHttpUrl } from './server-url.ts';
import { describesBytes, isBinarySchema, isRawContentBody } from './raw-body.ts';

export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Doc = Record<string, any>;

export { classifyMediaType };

const BODY_PREFERENCE: BodyEncoding[] = ['json', 'form', 'multipart', 'text', 'binary'];

function pickMediaType(content: Record<string, any> | undefined, preferPlainJson = false): string | undefined {
  if (!content) return undefined;
  const types = Object.keys(content);
  // For a request body, plain application/json comes first among the JSON types: the client sends
  // a JSON body under the type it picks (emit/encoders.ts), and beside application/json a
  // converted spec often lists application/json-patch+json or text/json first.
  const plainJson = preferPlainJson ? types.find((t) => t.split(';')[0]!.trim().toLowerCase() === 'application/json') : undefined;
  if (plainJson) return plainJson;
  for (const enc of BODY_PREFERENCE) {
    const hit = types.find((t) => classifyMediaType(t) === enc);
    if (hit) return hit;
  }
  return types[0];
}

function defaultStyle(location: string): string {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

function parameterModels(doc: Doc, pathItem: Doc, op: Doc, profile: VendorProfile): ParameterModel[] {
  // An operation's parameter overrides the path item's of the same location and name; a header's
  // name in any case (`x-key` overrides `X-Key`), as HTTP reads header names.
  const byKey = new Map<string, Doc>();
  for (const raw of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) {
    const p = deref<Doc>(doc, raw);
    if (!p) continue;
    byKey.set(suppliedId(String(p.in), String(p.name)), p);
  }
  const roles = new Map(Object.entries(profile.parameterRoles).map(([name, r]) => [name.toLowerCase(), r]));
  return [...byKey.values()].map((p) => {
    // A value in JSON content (model/json-parameters.ts) is sent as its JSON text, whatever `style` says.
    const jsonSchema = jsonContentSchema(p);
    const style = jsonSchema ? 'json' : typeof p.style === 'string' ? p.style : defaultStyle(p.in);
    const role = p.in === 'header' ? roles.get(String(p.name).toLowerCase()) : undefined;
    const model: ParameterModel = {
      name: p.name,
      in: p.in,
      required: p.in === 'path' ? true : Boolean(p.required),
      style,
      explode: jsonSchema ? false : typeof p.explode === 'boolean' ? p.explode : style === 'form',
      schema: jsonSchema ?? p.schema,
      role: role?.role ?? 'param',
    };
    if (role?.optionName) model.optionName = role.optionName;
    if (typeof p.description === 'string') model.description = p.description;
    if (p.in === 'path' && listsEmptyString(doc, p.schema)) model.allowsEmpty = true;
    // OpenAPI: a field of the schema-based parameters, and "only applies to parameters with an in
    // value of query"; a value in `content` is written as its media type says.
    if (p.in === 'query' && p.allowReserved === true && p.content === undefined) model.allowReserved = true;
    return model;
  });
}

function requestBodyModel(doc: Doc, path: string, method: HttpMethod, op: Doc, profile: VendorProfile): RequestBodyModel | undefined {
  if (profile.bodylessMethods.includes(method)) return undefined;
  // Where the body is declared (a shared one among the components), for errors about it.
  const found = derefAt<Doc>(doc, op.requestBody, toPointer(['paths', path, method, 'requestBody']));
  const body = found?.value;
  const mediaType = pickMediaType(body?.content, true);
  if (!body || !mediaType) return undefined;
  const schema = body.content[mediaType]?.schema;
  const model: RequestBodyModel = {
    required: Boolean(body.required),
    mediaType,
    encoding: requestEncoding(doc, mediaType, schema),
    schema,
  };
  const parts = model.encoding === 'multipart' ? multipartParts(doc, body.content[mediaType], isFormData(mediaType)) : undefined;
  if (parts) model.parts = parts;
  const declared = model.encoding === 'multipart' ? declaredMultipart(doc, `${method.toUpperCase()} ${path}`, mediaType, body.content[mediaType], `${found!.pointer}/content/${toPointer([mediaType]).slice(1)}`) : undefined;
  if (declared) model.multipart = declared;
  const fields = model.encoding === 'form' ? formFields(doc, body.content[mediaType]) : undefined;
  if (fields) model.fields = fields;
  if (isRawContentBody(doc, model)) model.content = true;
  return model;
}

/**
 * How a request body of `mediaType` is written. A body under `*\/*` (any type) is JSON where its
 * schema describes a value, and bytes sent as given where it describes bytes or nothing.
 */
function requestEncoding(doc: Doc, mediaType: string, schema: unknown): BodyEncoding {
  if (isAnyMediaType(mediaType)) return describesBytes(doc, schema) ? 'binary' : 'json';
  return classifyMediaType(mediaType);
}

/**
 * How a response body of `mediaType` is read. A body under `*\/*` whose schema is a binary string
 * is a Blob; any other under it (a value, or no schema) is read by the answer's own Content-Type,
 * as the server may send any type (runtime/encoding/undescribed-body.ts).
 */
function responseReading(doc: Doc, mediaType: string, schema: unknown): BodyReading {
  if (isAnyMediaType(mediaType)) return isBinarySchema(doc, schema) ? 'blob' : 'content-type';
  const encoding = classifyMediaType(mediaType);
  return encoding === 'json' ? 'json' : encoding === 'text' ? 'text' : 'blob';
}

/**
 * A file the server may send in one of several formats, text among them (a report as CSV, PDF or
 * XLSX: every type listed, one binary schema). Read as text, a PDF answer was corrupted; read as
 * the bytes, every format comes whole (emit/accept.ts then asks for each listed type).
 */
function offeredAsFiles(doc: Doc, response: ResponseModel): boolean {
  const { mediaType, mediaTypes = [] } = response;
  if (!mediaType || classifyMediaType(mediaType) !== 'text' || !isBinarySchema(doc, response.schema)) return false;
  return mediaTypes.some((type) => classifyMediaType(type) === 'binary' && !isAnyMediaType(type));
}

function responseModels(doc: Doc, op: Doc): ResponseModel[] {
  return Object.entries<Doc>(op.responses ?? {})
    .map(([status, raw]) => {
      const res = deref<Doc>(doc, raw) ?? {};
      const mediaType = pickMediaType(res.content);
      const schema = mediaType ? res.content[mediaType]?.schema : undefined;
      const model: ResponseModel = { status, mediaType, mediaTypes: Object.keys(res.content ?? {}), schema };
      if (mediaType) model.reading = offeredAsFiles(doc, model) ? 'blob' : responseReading(doc, mediaType, schema);
      return model;
    })
    .sort((a, b) => a.status.localeCompare(b.status));
}

function idempotencyOf(
  doc: Doc,
  method: HttpMethod,
  parameters: ParameterModel[],
  body: RequestBodyModel | undefined,
  profile: VendorProfile,
): IdempotencyMechanism {
  const rule = profile.idempotency;
  if (rule.kind === 'header') {
    if (!rule.methods.includes(method)) return { kind: 'none' };
    const name = rule.name.toLowerCase();
    if (rule.onlyWhereDeclared && !parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === name)) return { kind: 'none' };
    return rule.maxLength === undefined
      ? { kind: 'header', name: rule.name }
      : { kind: 'header', name: rule.name, maxLength: rule.maxLength };
  }
  if (rule.kind === 'body-field' && body?.encoding === 'json') {
    const schema = deref<Doc>(doc, body.schema);
    if (schema?.properties && rule.field in schema.properties) return { kind: 'body-field', field: rule.field };
  }
  return { kind: 'none' };
}

export function resilienceOf(method: HttpMethod, idempotency: IdempotencyMechanism): ResilienceClass {
  if (method === 'get' || method === 'head' || method === 'options' || method === 'trace') return 'safe';
  if (method === 'put' || method === 'delete') return 'idempotent';
  return idempotency.kind === 'none' ? 'unsafe' : 'idempotent';
}

function matches(rule: { pathPattern: string; methods?: HttpMethod[] | undefined }, method: HttpMethod, path: string) {
  return new RegExp(rule.pathPattern).test(path) && (!rule.methods || rule.methods.includes(method));
}

export function buildOperations(doc: Doc, profile: VendorProfile): OperationModel[] {
  const ops: OperationModel[] = [];
  const vendorUrls = profile.servers.map((s) => absoluteHttpUrl(s.url) ?? s.url);
  for (const [path, pathItem] of Object.entries<Doc>(doc.paths ?? {})) {
    // An `x-` key of the Paths Object is an extension, not a path: the loader's repairs and naming
    // pass it by (load/fixes.ts pathItems), so an operation under one would have no name.
    if (path.startsWith('x-')) continue;
    for (const method of HTTP_METHODS) {
      const op = pathItem[method];
      if (!op || typeof op !== 'object') continue;
      const parameters = parameterModels(doc, pathItem, op, profile);
      const requestBody = requestBodyModel(doc, path, method, op, profile);
      const responses = responseModels(doc, op);
      const idempotency = idempotencyOf(doc, method, parameters, requestBody, profile);
      const security = (op.security ?? doc.security ?? []).flatMap((req: Doc) => Object.keys(req));
      const model: OperationModel = {
        id: op.operationId,
        functionName: camelCase(op.operationId),
        method,
        path,
        tags: Array.isArray(op.tags) ? op.tags : [],
        deprecated: Boolean(op.deprecated),
        source: op['x-svcgen-source'] ? 'overlay' : 'spec',
        parameters,
        responses,
        security: [...new Set<string>(security)].sort(),
        idempotency,
        resilience: resilienceOf(method, idempotency),
      };
      if (typeof op.summary === 'string') model.summary = op.summary;
      if (typeof op.description === 'string') model.description = op.description;
      if (typeof op['x-svcgen-product'] === 'string') model.product = op['x-svcgen-product'];
      if (typeof op['x-svcgen-source'] === 'string') model.sourceNote = op['x-svcgen-source'];
      if (requestBody) model.requestBody = requestBody;
      const bucket = profile.rateLimitBuckets.find((b) => matches(b, method, path));
      if (bucket) model.rateLimitBucket = bucket.bucket;
      const cache = profile.cache.find((c) => matches(c, method, path));
      if (cache) model.cache = { ttlSeconds: cache.ttlSeconds };
      const server = operationServer(pathItem, op, vendorUrls);
      if (server && 'url' in server) model.server = server.url;
      else if (server) model.unresolvedServer = server.unresolved;
      const pagination = detectPagination(doc, model, profile.pagination);
      if (pagination) model.pagination = pagination;
      ops.push(model);
    }
  }
  return ops.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type { SchemaObject };
