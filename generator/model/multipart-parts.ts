// The part table of a multipart body: which top-level properties the runtime must encode
// differently from OpenAPI's defaults (runtime/encoding/multipart.ts applies both). Outside
// multipart/form-data only `contentType` counts (see multipartParts).
//
// Defaults, no `encoding` entry (OAS 3.0.3 "Special Considerations for multipart Content", 3.1.1
// Encoding Object table): a primitive is a text/plain part, an object an application/json part,
// a `format: binary`/`base64` string (3.1: any `contentEncoding`) an application/octet-stream file
// part, and an array takes the type of its items with one part per item under the same name. The
// runtime picks among these by the value it is given, so they need no table entry.
//
// An entry departs from them:
// - `style`, `explode` or `allowReserved` set (3.1.1: RFC6570-style serialisation, contentType
//   ignored): `style: deepObject` is bracket-named fields (`file_link_data[create]=true`), as
//   APIs whose form bodies use bracket names declare for their uploads too. OAS 3.0 says style
//   applies to urlencoded bodies only; we honour it in multipart as well because a spec that
//   writes it means it, and 3.1 allows it.
//   `form` (the default style) on an object would explode it into one part per key, which we do
//   not do: such objects stay one JSON part.
// - An array sent as one text part of delimited items (`csv`, `ssv`, `pipes`, `tsv`: style
//   form/spaceDelimited/pipeDelimited without explode, or x-collectionFormat; model/collection-format.ts),
//   as Swagger 2.0 formData arrays declare it. Exploded (`multi`) is the default: no entry.
// - `contentType` naming one concrete media type other than the property's default: the part's
//   type (JSON text for a JSON type). A wildcard or a list (`image/png, image/jpeg`) only
//   constrains what a file may be, so a file keeps its own type and no entry is made.
import { deref } from '../json-pointer.ts';
import { collectionFormatOf } from './collection-format.ts';
import { encodingTable } from './encoding-table.ts';

type Doc = Record<string, any>;

/** The runtime's marker for bracket-named fields (runtime/encoding/multipart.ts DEEP_OBJECT). */
export const DEEP_OBJECT = 'deepObject';

/** The default part type of a property's schema, or undefined when the schema does not say. */
function defaultPartType(doc: Doc, raw: unknown): string | undefined {
  let schema = deref<Doc>(doc, raw);
  if (schema && (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array')))) schema = deref<Doc>(doc, schema.items);
  if (!schema || typeof schema !== 'object') return undefined;
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t: unknown) => t !== 'null');
  const type = types.length === 1 ? types[0] : undefined;
  if (type === 'string') {
    const binary = schema.format === 'binary' || schema.format === 'base64' || typeof schema.contentEncoding === 'string';
    return binary ? 'application/octet-stream' : 'text/plain';
  }
  if (type === 'number' || type === 'integer' || type === 'boolean') return 'text/plain';
  if (type === 'object' || (type === undefined && (schema.properties || schema.additionalProperties))) return 'application/json';
  return undefined;
}

/** One concrete media type (no wildcard, no list), or undefined. */
function concreteMediaType(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return /^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/.test(text) ? text : undefined;
}

/**
 * Property name → `deepObject`, a collection format or a part media type, for the properties
 * whose `encoding` entry changes how they are sent; undefined when none does (the metadata then
 * carries no table).
 */
export function multipartParts(doc: Doc, mediaTypeObject: Doc | undefined, formData = true): Record<string, string> | undefined {
  return encodingTable<string>(doc, mediaTypeObject, (entry, schema) => {
    // OAS 3.0 and 3.1: `style`, `explode` and `allowReserved` SHALL be ignored outside
    // multipart/form-data and urlencoded bodies (Swagger 2.0's formData arrays are form-data).
    if (!formData) return partType(doc, entry, schema);
    const format = collectionFormatOf(doc, entry, schema);
    if (format) return format === 'multi' ? undefined : format;
    if ('style' in entry || 'explode' in entry || 'allowReserved' in entry) return entry.style === DEEP_OBJECT ? DEEP_OBJECT : undefined;
    return partType(doc, entry, schema);
  });
}

/** The part media type `entry.contentType` names where it differs from the property's default. */
function partType(doc: Doc, entry: Doc, schema: unknown): string | undefined {
  const type = concreteMediaType(entry.contentType);
  return type && type.toLowerCase() !== defaultPartType(doc, schema) ? type : undefined;
}
