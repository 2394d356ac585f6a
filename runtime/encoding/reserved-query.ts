// Query parameters whose spec sets `allowReserved: true`. OpenAPI 3.1.1 (Parameter Object): their
// values are "serialized using reserved expansion" (RFC 6570 §3.2.3), which lets RFC 3986's
// reserved characters and percent-encoded triples through unchanged and still percent-encodes
// every other character, `%` outside a triple included; and "applications are still responsible
// for percent-encoding" the reserved characters the query string does not allow (`[`, `]`, `#`)
// and those `application/x-www-form-urlencoded` gives a meaning (`&`, `=`, `+`: Appendices C and
// E, which list `[]#&=+`; the field's own table prints `-` for `=`, and `-` is unreserved). So a
// value keeps `: / ? @ ! $ ' ( ) * , ;` and its triples literal, and the query still splits into
// the same names and values. Names (the parameter's, an exploded object's keys, bracket names)
// are written as every query name is.
//
// The styles are query.ts's: each reserved parameter is serialised by it alone, then its values
// (after each pair's first `=`) have the passed characters put back. The generator names this
// module only for operations with such a parameter (generator/emit/encoders.ts), so no other
// operation's Worker bundles it, and query.ts is as it was.

import type { OperationMeta } from '../contract.ts';
import { styledQuery, styledQueryAfter, type QuerySerializerFn } from './query.ts';

/**
 * What query.ts writes as `%XX` and reserved expansion leaves literal (`! $ ' ( ) * , / : ; ? @`),
 * and a `%25` that began a triple in the value; not `%5B` `%5D`, which the query string does not allow.
 */
const PASSED = /%(?:25(?=[\da-f]{2})|2[14789acf]|3[abf]|40)/gi;

function passReserved(pair: string): string {
  const value = pair.indexOf('=') + 1;
  return pair.slice(0, value) + pair.slice(value).replace(PASSED, decodeURIComponent);
}

/**
 * The query encoder (OperationMeta.encodeQuery) of an operation whose `reserved` parameters allow
 * reserved characters; `keyQuery`, the constant query string of its path key, as styledQueryAfter.
 */
export function reservedQuery(reserved: readonly string[], keyQuery?: string): NonNullable<OperationMeta['encodeQuery']> {
  const after = keyQuery === undefined ? undefined : styledQueryAfter(keyQuery);
  return (table, path): QuerySerializerFn => {
    const serialize = styledQuery(table);
    // The path key's query string, filled as styledQueryAfter fills it: what it writes for no parameters.
    const head = after?.(table, path)({});
    return (query) => {
      const out = head ? [head] : [];
      for (const [name, value] of Object.entries(query)) {
        const text = serialize({ [name]: value });
        if (text) out.push(reserved.includes(name) ? text.split('&').map(passReserved).join('&') : text);
      }
      return out.join('&');
    };
  };
}
