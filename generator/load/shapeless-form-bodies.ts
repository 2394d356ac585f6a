// Form bodies whose schema names no fields. An `application/x-www-form-urlencoded` or
// `multipart/*` body is a list of named fields (parts), and the client writes one per property
// of the object it is given. A spec may declare such a body as something else: in the APIs.guru
// corpus 18 multipart bodies are a `string` (4 of them binary) or an `array`, and 23 urlencoded
// ones an `array` or an `integer`, in 15 specs (a shared request body counted once).
// Typed as the spec says, the generated operation asked for a value the encoders cannot write
// as fields: a string or bytes as a multipart body was refused at run time, an array went out
// as fields named by index (0, 0[key], …), and a number as an empty body. The media's schema is replaced by an
// object of named fields (`additionalProperties: true`: the spec does not say their names) and
// the replacement listed with the other repairs. An urlencoded `string` is left alone: it is
// the encoded form text itself, which the client sends as given. A referenced component stays,
// since other places may use it.
import { derefAt, toPointer } from '../json-pointer.ts';
import { classifyMediaType } from '../media-type.ts';
import { requestBodies, type Fix } from './fixes.ts';

type Doc = Record<string, any>;

/** Keywords that make a schema (possibly) an object, whatever its `type` says. */
const OBJECT_KEYWORDS = ['properties', 'additionalProperties', 'patternProperties', 'allOf', 'anyOf', 'oneOf'];

/** A node with its pointer, `$ref`s followed; undefined for a dangling or circular one, or one that is no object. */
function follow(document: Doc, node: unknown, pointer: string): { node: Doc; pointer: string } | undefined {
  const found = derefAt<unknown>(document, node, pointer);
  const value = found?.value;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? { node: value as Doc, pointer: found!.pointer } : undefined;
}

/** How a schema departs from an object of fields, or undefined when it may be one. */
function shapeless(schema: Doc, urlencoded: boolean): string | undefined {
  if (OBJECT_KEYWORDS.some((key) => key in schema)) return undefined;
  const types = Array.isArray(schema.type) ? schema.type.filter((t: unknown) => t !== 'null') : [schema.type];
  // No type at all: any value, objects among them (openapi-typescript types it `unknown`).
  if (types.length !== 1 || types[0] === undefined || types[0] === 'object') return undefined;
  const type = String(types[0]);
  if (urlencoded && type === 'string') return undefined;
  return typeof schema.format === 'string' ? `${type} (format ${schema.format})` : type;
}

export function typeShapelessFormBodies(document: Doc, file: string): Fix[] {
  const fixes: Fix[] = [];
  for (const body of requestBodies(document)) {
    const content = body.node.content;
    if (content === null || typeof content !== 'object') continue;
    for (const [mediaType, media] of Object.entries<Doc>(content)) {
      const encoding = classifyMediaType(mediaType);
      if ((encoding !== 'form' && encoding !== 'multipart') || media === null || typeof media !== 'object') continue;
      const kind = encoding === 'form' ? 'urlencoded' : 'multipart';
      const schema = follow(document, media.schema, '');
      const departs = schema === undefined ? undefined : shapeless(schema.node, kind === 'urlencoded');
      if (departs === undefined) continue;
      const was = typeof media.schema?.$ref === 'string' ? `${departs} (${media.schema.$ref})` : departs;
      media.schema = { type: 'object', additionalProperties: true, ...(typeof schema!.node.description === 'string' ? { description: schema!.node.description } : {}) };
      const fields = kind === 'multipart' ? 'parts' : 'fields';
      fixes.push({
        file,
        pointer: `${body.pointer}/content/${toPointer([mediaType]).slice(1)}/schema`,
        fix: `${kind} request body schema has type ${was}, which names no ${fields}; typed as an object whose properties are the ${fields} (their names are not in the spec)`,
      });
    }
  }
  return fixes;
}
