// How an array property of a form body (urlencoded or multipart) is written, read from its
// Encoding Object entry in the names of Swagger 2.0's collectionFormat, which cover every case:
//   style: form, explode: false            csv    a,b
//   style: spaceDelimited, explode: false  ssv    a b
//   style: pipeDelimited, explode: false   pipes  a|b
//   x-collectionFormat: tsv                tsv    a<TAB>b   (no OpenAPI 3 spelling)
//   any of those styles, explode: true     multi  one field or part per item
// `explode` defaults as for parameters (true for form only). A Swagger 2.0 spec's formData arrays
// arrive in this form (load/formdata-collection.ts); an OpenAPI 3 spec may write it itself.
// Only declared arrays are read: a scalar is one value under every style, and objects keep the
// bracket names (urlencoded) or JSON parts (multipart) they are sent as today.
import { deref } from '../json-pointer.ts';
import { encodingTable } from './encoding-table.ts';
import { COLLECTION_FORMAT_EXTENSION, COLLECTION_FORMATS, type CollectionFormat } from '../load/formdata-collection.ts';

type Doc = Record<string, any>;

export type { CollectionFormat };

const DELIMITED: Readonly<Record<string, CollectionFormat>> = { form: 'csv', spaceDelimited: 'ssv', pipeDelimited: 'pipes' };

function isArraySchema(doc: Doc, raw: unknown): boolean {
  const schema = deref<Doc>(doc, raw);
  if (!schema || typeof schema !== 'object') return false;
  return schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
}

/** The format an `encoding` entry gives the array property `schema`, or undefined when it names none. */
export function collectionFormatOf(doc: Doc, entry: unknown, schema: unknown): CollectionFormat | undefined {
  if (!entry || typeof entry !== 'object' || !isArraySchema(doc, schema)) return undefined;
  const e = entry as Doc;
  const named = e[COLLECTION_FORMAT_EXTENSION];
  if ((COLLECTION_FORMATS as readonly unknown[]).includes(named)) return named as CollectionFormat;
  if (!('style' in e) && !('explode' in e)) return undefined;
  const style = typeof e.style === 'string' ? e.style : 'form';
  const delimited = Object.hasOwn(DELIMITED, style) ? DELIMITED[style] : undefined;
  if (!delimited) return undefined;
  const explode = typeof e.explode === 'boolean' ? e.explode : style === 'form';
  return explode ? 'multi' : delimited;
}

/**
 * Urlencoded bodies: property name → format for the arrays whose `encoding` entry names one;
 * undefined when none does (the operation then keeps the plain form encoder). Every format is a
 * departure there, `multi` included: without an entry, arrays are sent with indexed bracket names.
 */
export function formFields(doc: Doc, mediaTypeObject: Doc | undefined): Record<string, CollectionFormat> | undefined {
  return encodingTable(doc, mediaTypeObject, (entry, schema) => collectionFormatOf(doc, entry, schema));
}
