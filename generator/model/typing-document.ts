// The document openapi-typescript types are generated from. It differs from the effective document
// only where the client, not the caller, supplies a value: header parameters whose role is client
// option or call option (the caller passes those through client/call options), header, query and
// cookie parameters that restate what every security alternative of the operation sends (role
// auth; per operation, since another operation may take a parameter of that name as input), request
// bodies on methods the profile declares bodyless, and the profile's idempotency body field (a
// request id in the body), optional in the request body because the client fills it once per call
// when empty, and raw request bodies whose schema is not text, typed as the string, Blob,
// ArrayBuffer or typed array the client sends (model/raw-body.ts), and responses typed as the client
// reads them, not as the schema of the document inside (model/read-body-types.ts): a success body
// read as bytes as a Blob (a PDF's `format: binary` string, an XML body's object), one read as text
// as a string, an error body under a type that is not JSON as the text or the schema's value.
// Everything else, `required` above all, is the spec's: request and response types require exactly what the spec requires.
// Everything changed is listed for the manifest. Three more changes say what the spec already says,
// so they are not listed: open-objects.ts (an object schema with no properties admits any keys),
// implied-types.ts (a `type` beside alternatives whose types it allows adds nothing to them) and
// json-parameters.ts (a parameter in JSON `content` is typed as that content's schema).
import type { ApiModel } from './types.ts';
import { deref } from '../json-pointer.ts';
import { HTTP_METHODS } from './operations.ts';
import { componentRefsOnly } from './typing-refs.ts';
import { openEmptyObjects } from './open-objects.ts';
import { dropTypesImpliedByAlternatives } from './implied-types.ts';
import { typedAsJsonSchema } from './json-parameters.ts';
import { declaresOwn, ownDeclaration, suppliedId, suppliedParameters } from './supplied-keys.ts';
import { typeResponsesAsRead } from './read-body-types.ts';

type Doc = Record<string, any>;

export interface TypingAdjustments {
  clientSuppliedHeaders: Record<string, number>;
  /** `query name` / `cookie name`: declarations of an API key the client sends there, left out of the types. */
  clientSuppliedParameters: Record<string, number>;
  droppedBodies: number;
  /** `Schema.field` (or `METHOD /path.field` for inline bodies) made optional for the caller. */
  optionalIdempotencyFields: string[];
  /** `METHOD /path media-type`: raw request bodies typed as the content the client sends, not as their schema (model/raw-body.ts). */
  rawContentBodies: string[];
  /** `METHOD /path status`: success responses typed as the Blob the client resolves with, not as their schema (model/read-body-types.ts). */
  blobResponses: string[];
  /** `METHOD /path status`: responses typed as the text the client reads, or for errors the text or the schema's value (model/read-body-types.ts). */
  textResponses: string[];
}

/** Marks the schema of a raw body taken as content, which types.ts renders as the types the client accepts. */
export const RAW_CONTENT_MARK = 'x-svcgen-raw-content';

export { BLOB_MARK } from './read-body-types.ts';

export function typingDocument(doc: Doc, model: ApiModel): { document: Doc; adjustments: TypingAdjustments } {
  const keep = new Set(model.operations.map((o) => `${o.method} ${o.path}`));
  const withBody = new Set(model.operations.filter((o) => o.requestBody).map((o) => `${o.method} ${o.path}`));
  const adjustments: TypingAdjustments = { clientSuppliedHeaders: {}, clientSuppliedParameters: {}, droppedBodies: 0, optionalIdempotencyFields: [], rawContentBodies: [], blobResponses: [], textResponses: [] };
  const supplied = suppliedParameters(model);
  /** The suppliedId of a header, query or cookie parameter; undefined for a path parameter or an unreadable one. */
  const idOf = (p: Doc | undefined): string | undefined =>
    p?.in === 'header' || p?.in === 'query' || p?.in === 'cookie' ? suppliedId(p.in, String(p.name)) : undefined;

  // `operations`: the kept operations a declaration applies to (one for an operation's own, those
  // that do not redeclare it for a path item's). A parameter is left out only when the client
  // supplies it to every one of them.
  const clientSupplied = (raw: unknown, operations: string[]) => {
    const p = deref<Doc>(doc, raw);
    const id = idOf(p);
    if (id === undefined) return false;
    const hit = operations.length > 0 && operations.every((key) => supplied.get(key)?.has(id));
    if (!hit) return false;
    if (p!.in === 'header') adjustments.clientSuppliedHeaders[p!.name] = (adjustments.clientSuppliedHeaders[p!.name] ?? 0) + 1;
    else adjustments.clientSuppliedParameters[id] = (adjustments.clientSuppliedParameters[id] ?? 0) + 1;
    return true;
  };

  const paths: Doc = {};
  for (const [path, item] of Object.entries<Doc>(doc.paths ?? {})) {
    const next: Doc = { ...item };
    const kept = HTTP_METHODS.filter((method) => item[method] && keep.has(`${method} ${path}`));
    // A path-level parameter the client supplies to some of the path's operations only moves down
    // into the others, so they keep asking for it and these do not. So does a header one that an
    // operation overrides under its name in another case (`x-key` for `X-Key`): openapi-typescript
    // matches names as written and would type both.
    const movedDown: Doc[] = [];
    if (Array.isArray(item.parameters)) {
      next.parameters = item.parameters
        .filter((raw: unknown) => {
          const inheriting = kept.filter((method) => !declaresOwn(doc, item[method], raw)).map((method) => `${method} ${path}`);
          if (clientSupplied(raw, inheriting)) return false;
          const p = deref<Doc>(doc, raw);
          const id = idOf(p);
          const recased = kept.some((method) => {
            const own = ownDeclaration(doc, item[method], raw);
            return own !== undefined && own.name !== p?.name;
          });
          if (recased || (id !== undefined && inheriting.some((key) => supplied.get(key)?.has(id)))) {
            movedDown.push(raw as Doc);
            return false;
          }
          return true;
        })
        .map(typedAsJsonSchema);
    }
    let any = false;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const key = `${method} ${path}`;
      if (!keep.has(key)) {
        delete next[method];
        continue;
      }
      any = true;
      const copy: Doc = { ...op };
      // `x-` keys of a Responses Object are extensions, which openapi-typescript would read as responses.
      if (op.responses && typeof op.responses === 'object' && Object.keys(op.responses).some((status) => status.startsWith('x-'))) {
        copy.responses = Object.fromEntries(Object.entries(op.responses).filter(([status]) => !status.startsWith('x-')));
      }
      const own = Array.isArray(op.parameters) ? op.parameters : [];
      const inherited = movedDown.filter((raw) => !declaresOwn(doc, op, raw) && !clientSupplied(raw, [key]));
      if (Array.isArray(op.parameters) || inherited.length > 0) {
        copy.parameters = [...inherited, ...own.filter((p: unknown) => !clientSupplied(p, [key]))].map(typedAsJsonSchema);
      }
      if (op.requestBody && !withBody.has(key)) {
        delete copy.requestBody;
        adjustments.droppedBodies++;
      }
      next[method] = copy;
    }
    if (any) paths[path] = next;
  }
  // The body's schema is copied into the operation with the field left out of `required`; a
  // component schema stays as the spec has it, because responses and other requests share it.
  for (const op of model.operations) {
    if (op.idempotency.kind !== 'body-field' || !op.requestBody) continue;
    const field = op.idempotency.field;
    const schema = op.requestBody.schema;
    const ref = schema?.$ref;
    const name = typeof ref === 'string' && ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined;
    const target = name ? doc.components?.schemas?.[name] : schema;
    if (!Array.isArray(target?.required) || !target.required.includes(field)) continue;
    const item = paths[op.path][op.method];
    const body = deref<Doc>(doc, item.requestBody) ?? item.requestBody;
    const media = op.requestBody.mediaType;
    item.requestBody = {
      ...body,
      content: {
        ...body.content,
        [media]: { ...body.content[media], schema: { ...target, required: (target.required as string[]).filter((f) => f !== field) } },
      },
    };
    adjustments.optionalIdempotencyFields.push(name ? `${name}.${field}` : `${op.method.toUpperCase()} ${op.path}.${field}`);
  }
  adjustments.optionalIdempotencyFields = [...new Set(adjustments.optionalIdempotencyFields)].sort();
  // A raw body taken as content (model/raw-body.ts) is typed as what the client sends, under the
  // operation's own media type (the only one it sends): types.ts renders the marked schema.
  for (const op of model.operations) {
    if (!op.requestBody?.content) continue;
    const item = paths[op.path][op.method];
    const body = deref<Doc>(doc, item.requestBody) ?? item.requestBody;
    item.requestBody = { ...body, content: { [op.requestBody.mediaType]: { schema: { type: 'string', format: 'binary', [RAW_CONTENT_MARK]: true } } } };
    adjustments.rawContentBodies.push(`${op.method.toUpperCase()} ${op.path} ${op.requestBody.mediaType}`);
  }
  adjustments.rawContentBodies.sort();
  const read = typeResponsesAsRead(doc, paths, model);
  adjustments.blobResponses = read.blobResponses;
  adjustments.textResponses = read.textResponses;
  const parameters = doc.components?.parameters;
  const components = parameters && typeof parameters === 'object' ? { ...doc.components, parameters: Object.fromEntries(Object.entries<Doc>(parameters).map(([name, p]) => [name, typedAsJsonSchema(p)])) } : doc.components;
  return { document: dropTypesImpliedByAlternatives(openEmptyObjects(componentRefsOnly({ ...doc, paths, ...(components ? { components } : {}) }))), adjustments };
}
