// Bracketed (deepObject-style) `application/x-www-form-urlencoded` bodies. The reference is the
// encoder of the stripe-node SDK (23.1.0, `stringifyRequestData`), byte for byte:
//   nested objects   metadata[order_id]=42
//   arrays           expand[0]=customer&expand[1]=invoice, items[0][price]=p_1 (always indexed)
//   null             key=          (an empty value unsets a field)
//   undefined        omitted; an undefined array element is skipped but keeps its index
//   Date             Unix seconds, floored
//   empty [] / {}    omitted
//   keys and values  encodeURIComponent, plus ! * ( ) ' escaped, and [ ] left literal
// One deliberate difference: a number JavaScript would print in exponent form (1e21, 1e-7) is
// written in plain digits, because the API parses decimal digits, and NaN/±Infinity throw instead
// of being sent as words the API cannot accept.
// An operation whose spec says how an array or object property is written (Swagger 2.0
// `collectionFormat`, or an OpenAPI `encoding` entry's style and explode, which follow the query
// rules; generator/model/collection-format.ts) gets `formBodyWith` and a table naming those
// properties; other operations run `formBody` alone:
//          array                  object
//   csv    tags=a,b               color=R,100,G,200
//   ssv    tags=a%20b             color=R%20100%20G%20200
//   tsv    tags=a%09b             color=R%09100%09G%09200
//   pipes  tags=a|b               color=R|100|G|200
//   multi  tags=a&tags=b          R=100&G=200
// The comma and the bar are written as they are, as the query encoder and OpenAPI's style
// examples write them; the items, keys and values are encoded as every value is, so an item's own
// comma is %2C. A property the table names whose value is neither an array nor a plain object is
// sent as it would be without the table.
// `json` (an entry with a JSON contentType and no style) sends any value as its JSON text, encoded
// as every value is: json=%7B%22a%22%3A1%7D, a string id=%22x%22 (OAS 3.1.1 "URL Encoded Form
// with JSON Values").

import type { BodyEncoder } from '../contract.ts';
import { sendText } from './sent-body.ts';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** Characters every pass below leaves as they are (encodeURIComponent's unreserved set, and [ ]). */
const VERBATIM = /^[\w.~[\]-]*$/;

/** Percent-encodes one key or value the way stripe-node does. */
export function encodeFormComponent(text: string): string {
  // Most keys and values (ids, amounts, currency codes, bracketed names) need no escaping:
  // one test instead of four passes over the text.
  if (VERBATIM.test(text)) return text;
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%5B/g, '[')
    .replace(/%5D/g, ']');
}

/** Writes a finite number in plain decimal digits, never in exponent notation. */
export function formatPlainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new TypeError(`cannot form-encode the number ${String(n)}`);
  const [mantissa, exponent] = String(n).split('e');
  if (!exponent) return mantissa!;
  // Shift the decimal point of the shortest round-trip digits; no precision is invented or lost.
  const [, sign, int, fraction] = /(-?)(\d+)\.?(\d*)/.exec(mantissa!)!;
  const digits = int! + fraction;
  const pointAt = int!.length + Number(exponent);
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  return sign + digits.padEnd(pointAt, '0').slice(0, pointAt) + (pointAt < digits.length ? `.${digits.slice(pointAt)}` : '');
}

/** The text a leaf value is sent as (shared with the multipart and query encoders). */
export function formLeafText(value: unknown): string {
  if (value === null) return '';
  if (value instanceof Date) return String(Math.floor(value.getTime() / 1000));
  if (typeof value === 'number') return formatPlainNumber(value);
  return String(value);
}

/**
 * Flattens `value` under `key` into bracketed `[name, leaf]` pairs, in insertion order.
 * `visit` receives leaves only: null, primitives and Dates.
 */
export function flattenBrackets(key: string, value: unknown, visit: (name: string, leaf: unknown) => void): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object' || value instanceof Date) {
    visit(key, value);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => flattenBrackets(`${key}[${i}]`, item, visit));
    return;
  }
  for (const k of Object.keys(value)) flattenBrackets(`${key}[${k}]`, (value as Record<string, unknown>)[k], visit);
}

/**
 * A body that already is form text: a string (a spec may declare an urlencoded body
 * `type: string`, the encoded text itself) or URLSearchParams. Sent as given; without this,
 * the string was dropped and an empty body sent.
 */
function preEncoded(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  // URLSearchParams is a global wherever the runtime runs (Workers, Node 22+, browsers).
  return body instanceof URLSearchParams ? body.toString() : undefined;
}

/**
 * Each field is a property of the body. A number or boolean was sent as an empty body, an array
 * as fields named by index (0, 0[key], …): the caller's data lost or renamed without a word.
 */
function refuseFieldless(body: unknown): void {
  if (typeof body !== 'object' || Array.isArray(body)) throw new TypeError(`form body: needs an object of fields, form text or URLSearchParams, not ${Array.isArray(body) ? 'an array' : typeof body}`);
}

/** Encodes a request body (a plain object) as bracketed (deepObject-style) form data; form text (preEncoded) as given. */
export function encodeForm(body: unknown): string {
  const text = preEncoded(body);
  if (text !== undefined) return text;
  if (body === null || body === undefined) return '';
  refuseFieldless(body);
  const pairs: string[] = [];
  for (const key of Object.keys(body)) {
    flattenBrackets(key, (body as Record<string, unknown>)[key], (name, leaf) => {
      pairs.push(`${encodeFormComponent(name)}=${encodeFormComponent(formLeafText(leaf))}`);
    });
  }
  return pairs.join('&');
}

/**
 * How the properties an operation's spec names are written: property name → `csv`, `ssv`, `tsv`,
 * `pipes` or `multi` (Swagger 2.0's collectionFormat names) for arrays and objects, `json` for any value.
 */
export type FieldTable = Readonly<Record<string, string>>;

/** The FieldTable value for a property sent as its JSON text (generator/model/collection-format.ts JSON_TEXT). */
export const JSON_TEXT = 'json';

/** The separator between items of each one-value format, as written in a urlencoded body. */
const FORM_SEPARATORS: Readonly<Record<string, string>> = { csv: ',', ssv: '%20', tsv: '%09', pipes: '|' };

/**
 * The texts of an array's items for a collection format (shared with the multipart encoder):
 * leaves as everywhere else, undefined items skipped; an object or array item has no text form,
 * so it is refused with a TypeError naming where it sits (`what`: "form body", "multipart body").
 */
export function collectionItems(what: string, name: string, value: readonly unknown[], format: string): string[] {
  const texts: string[] = [];
  value.forEach((item, i) => {
    if (item === undefined) return;
    if (item !== null && typeof item === 'object' && !(item instanceof Date)) {
      throw new TypeError(`${what}: property "${name}" is sent as a ${format} list of values, which cannot hold the ${Array.isArray(item) ? 'array' : 'object'} at ${name}[${i}]`);
    }
    texts.push(formLeafText(item));
  });
  return texts;
}

/**
 * An object's members as `[key, text]` pairs, in insertion order, undefined members skipped; a
 * member that is an object or array has no text form in a list of keys and values, so it is
 * refused with a TypeError naming where it sits.
 */
function memberTexts(name: string, value: object, format: string): [string, string][] {
  const members: [string, string][] = [];
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    if (member !== null && typeof member === 'object' && !(member instanceof Date)) {
      throw new TypeError(`form body: property "${name}" is sent as a ${format} list of keys and values, which cannot hold the ${Array.isArray(member) ? 'array' : 'object'} at ${name}.${key}`);
    }
    members.push([key, formLeafText(member)]);
  }
  return members;
}

/** Like encodeForm, with the properties in `fields` written in their format. */
export function encodeFormWith(body: unknown, fields: FieldTable): string {
  const text = preEncoded(body);
  if (text !== undefined) return text;
  if (body === null || body === undefined) return '';
  refuseFieldless(body);
  const pairs: string[] = [];
  const pair = (name: string, leaf: unknown): void => {
    pairs.push(`${encodeFormComponent(name)}=${encodeFormComponent(formLeafText(leaf))}`);
  };
  for (const key of Object.keys(body)) {
    const value = (body as Record<string, unknown>)[key];
    const named = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
    if (named === JSON_TEXT) {
      // undefined (and what JSON has no text for) is left out, as everywhere else.
      const text = value === undefined ? undefined : JSON.stringify(value);
      if (text !== undefined) pairs.push(`${encodeFormComponent(key)}=${encodeFormComponent(text)}`);
      continue;
    }
    const listed = value !== null && typeof value === 'object' && !(value instanceof Date);
    const format = listed ? named : undefined;
    if (format === undefined) {
      flattenBrackets(key, value, pair);
      continue;
    }
    const separator = Object.prototype.hasOwnProperty.call(FORM_SEPARATORS, format) ? FORM_SEPARATORS[format] : undefined;
    const name = encodeFormComponent(key);
    if (Array.isArray(value)) {
      const texts = collectionItems('form body', key, value, format);
      if (texts.length === 0) continue;
      if (separator === undefined) for (const text of texts) pairs.push(`${name}=${encodeFormComponent(text)}`);
      else pairs.push(`${name}=${texts.map(encodeFormComponent).join(separator)}`);
      continue;
    }
    const members = memberTexts(key, value as object, format);
    if (members.length === 0) continue;
    // Exploded, each member is a field of its own, named by its key (the property's name is not sent).
    if (separator === undefined) for (const [k, text] of members) pairs.push(`${encodeFormComponent(k)}=${encodeFormComponent(text)}`);
    else pairs.push(`${name}=${members.map(([k, text]) => `${encodeFormComponent(k)}${separator}${encodeFormComponent(text)}`).join(separator)}`);
  }
  return pairs.join('&');
}

/**
 * openapi-fetch `bodySerializer` for form bodies. openapi-fetch sets `Content-Type:
 * application/json` unless the call supplies one, so the operation must also pass
 * `headers: { 'Content-Type': FORM_CONTENT_TYPE }`.
 */
export function formBodySerializer(body: unknown): string {
  return encodeForm(body);
}

/**
 * The body encoder of form operations (OperationMeta.encodeBody). It encodes the body itself
 * rather than through openapi-fetch, so the pipeline is told the text it sends (sendText).
 */
export const formBody: BodyEncoder = (request, headers) => sendText(request, headers, encodeForm, FORM_CONTENT_TYPE);

/** The body encoder of form operations whose spec names how the array and object properties in `fields` are written. */
export function formBodyWith(fields: FieldTable): BodyEncoder {
  return (request, headers) => sendText(request, headers, (body) => encodeFormWith(body, fields), FORM_CONTENT_TYPE);
}
