// How an array property of a form body (urlencoded or multipart), or an object property of an
// urlencoded one, is written, read from its Encoding Object entry in the names of Swagger 2.0's
// collectionFormat:
//                                          array         object (urlencoded only)
//   style: form, explode: false            csv    a,b    color=R,100,G,200
//   style: spaceDelimited, explode: false  ssv    a b    color=R%20100%20G%20200
//   style: pipeDelimited, explode: false   pipes  a|b    color=R|100|G|200
//   x-collectionFormat: tsv                tsv    a<TAB>b   (arrays only; no OpenAPI 3 spelling)
//   any of those styles, explode: true     multi  one field or part per item; R=100&G=200
// `explode` defaults as for parameters (true for form only). OAS 3.0.3 and 3.1.1 say that in an
// urlencoded body an entry's style and explode follow the query-parameter rules; the object
// column is their Style Examples table (which has no row for an exploded spaceDelimited or
// pipeDelimited object: those are read like exploded form, as the arrays here are). deepObject
// is the bracket names objects and arrays of objects are sent with when their entry names no
// format, so it makes no entry; an urlencoded array of scalars without a styled entry takes
// OpenAPI's default, form with explode (multi). A Swagger 2.0 spec's formData arrays arrive in this form
// (load/formdata-collection.ts); an OpenAPI 3 spec may write it itself.
// Only declared arrays and objects are read: a scalar is one value under every style. Multipart
// objects stay one JSON part whatever their entry says (model/multipart-parts.ts).
// An urlencoded entry that sets none of style, explode and allowReserved but a JSON contentType
// makes the property's value its JSON text, percent-encoded as any value (`json=%7B%22a%22%3A1%7D`,
// a string `id=%22x%22`): OAS 3.0.4 and 3.1.1 say such an entry is the equivalent of `content` with
// that media type, and 3.1.1's example "URL Encoded Form with JSON Values" writes exactly that.
// Without an entry objects keep their bracket names (the vendors' convention, above).
import { deref } from '../json-pointer.ts';
import { encodingTable } from './encoding-table.ts';
import { declaredProperties } from './declared-properties.ts';
import { COLLECTION_FORMAT_EXTENSION, COLLECTION_FORMATS, type CollectionFormat } from '../load/formdata-collection.ts';
import { isJsonMediaType } from './json-media-type.ts';

type Doc = Record<string, any>;

export type { CollectionFormat };

const DELIMITED: Readonly<Record<string, CollectionFormat>> = { form: 'csv', spaceDelimited: 'ssv', pipeDelimited: 'pipes' };

/** The form field table's value for a property sent as its JSON text (runtime/encoding/form.ts JSON_TEXT). */
export const JSON_TEXT = 'json';

/** How one urlencoded property departs from bracket names: a collection format, or its JSON text. */
export type FormFieldFormat = CollectionFormat | typeof JSON_TEXT;

/** Whether the schema's type is `type`, alone or in a 3.1 type list. */
function hasType(schema: Doc, type: string): boolean {
  return schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));
}

function isArraySchema(doc: Doc, raw: unknown): boolean {
  const schema = deref<Doc>(doc, raw);
  return Boolean(schema && typeof schema === 'object' && hasType(schema, 'array'));
}

/** An object schema: typed so, or untyped with properties or additionalProperties. */
function isObjectSchema(doc: Doc, raw: unknown): boolean {
  const schema = deref<Doc>(doc, raw);
  if (!schema || typeof schema !== 'object') return false;
  return hasType(schema, 'object') || (schema.type === undefined && Boolean(schema.properties || schema.additionalProperties));
}

/** The format an entry's `style` and `explode` name, or undefined (no style or explode, or another style). */
function styleFormat(e: Doc): CollectionFormat | undefined {
  if (!('style' in e) && !('explode' in e)) return undefined;
  const style = typeof e.style === 'string' ? e.style : 'form';
  const delimited = Object.hasOwn(DELIMITED, style) ? DELIMITED[style] : undefined;
  if (!delimited) return undefined;
  const explode = typeof e.explode === 'boolean' ? e.explode : style === 'form';
  return explode ? 'multi' : delimited;
}

/** The format an `encoding` entry gives the array property `schema`, or undefined when it names none. */
export function collectionFormatOf(doc: Doc, entry: unknown, schema: unknown): CollectionFormat | undefined {
  if (!entry || typeof entry !== 'object' || !isArraySchema(doc, schema)) return undefined;
  const e = entry as Doc;
  const named = e[COLLECTION_FORMAT_EXTENSION];
  if ((COLLECTION_FORMATS as readonly unknown[]).includes(named)) return named as CollectionFormat;
  return styleFormat(e);
}

/** Urlencoded bodies: the format an `encoding` entry gives the object property `schema`, or undefined. */
export function objectFormatOf(doc: Doc, entry: unknown, schema: unknown): CollectionFormat | undefined {
  if (!entry || typeof entry !== 'object' || isArraySchema(doc, schema) || !isObjectSchema(doc, schema)) return undefined;
  return styleFormat(entry as Doc);
}

/** Urlencoded bodies: `json` when an entry sets a JSON contentType and none of style, explode and allowReserved (any property type). */
export function jsonTextOf(entry: unknown): typeof JSON_TEXT | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const e = entry as Doc;
  if ('style' in e || 'explode' in e || 'allowReserved' in e) return undefined;
  return isJsonMediaType(e.contentType) ? JSON_TEXT : undefined;
}

/** An array whose items are scalars (not objects or arrays, through `$ref`s). */
function isScalarArray(doc: Doc, raw: unknown): boolean {
  if (!isArraySchema(doc, raw)) return false;
  const items = deref<Doc>(doc, deref<Doc>(doc, raw)!.items);
  return !items || typeof items !== 'object' || (!hasType(items, 'array') && !isObjectSchema(doc, items));
}

/**
 * Urlencoded bodies: property name → format for the arrays and objects whose `encoding` entry
 * names one, `json` for the properties sent as JSON text, and `multi` for the arrays of scalars
 * whose entry (if any) sets no style, explode or collection format: OpenAPI's default for an
 * urlencoded property is style form with explode (`tags=a&tags=b`, OAS 3.1.1 "Encoding Usage and
 * Restrictions"). Undefined when there are none (the operation then keeps the plain form encoder,
 * which writes every other array and object with bracket names: arrays of objects and objects
 * without an entry, and `style: deepObject`).
 */
export function formFields(doc: Doc, mediaTypeObject: Doc | undefined): Record<string, FormFieldFormat> | undefined {
  const named = encodingTable<FormFieldFormat>(doc, mediaTypeObject, (entry, schema) => collectionFormatOf(doc, entry, schema) ?? objectFormatOf(doc, entry, schema) ?? jsonTextOf(entry));
  const encoding: Doc = mediaTypeObject?.encoding && typeof mediaTypeObject.encoding === 'object' ? mediaTypeObject.encoding : {};
  const pairs: [string, FormFieldFormat][] = Object.entries(named ?? {});
  for (const [name, schema] of declaredProperties(doc, mediaTypeObject?.schema)) {
    if (named && Object.hasOwn(named, name)) continue;
    const entry = Object.hasOwn(encoding, name) ? encoding[name] : undefined;
    const styled = entry && typeof entry === 'object' && ('style' in entry || 'explode' in entry || COLLECTION_FORMAT_EXTENSION in entry);
    if (!styled && isScalarArray(doc, schema)) pairs.push([name, 'multi']);
  }
  // Pairs, sorted as the encoding table is: assigning table['__proto__'] would set the prototype.
  return pairs.length ? Object.fromEntries(pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : undefined;
}
