// Header parameters whose values are arrays or objects. openapi-fetch sets a header from the value
// it is given: an array item by item with Headers.append, which joins them with ', ' (a reader of
// OpenAPI's simple style splits at ',' and keeps the space, so ' black' is not 'black'), and an
// object as String(value), '[object Object]'. OpenAPI gives header parameters one style, simple
// (RFC 6570 without percent-encoding, as a header value is not a URI):
//   blue   blue,black   R,100,G,200   (explode: R=100,G=200)
// A header whose spec gives JSON `content` instead of a schema carries the value's JSON text.
// The generator names the operation's array- or object-typed headers, with their explode flags,
// and its JSON ones (generator/emit/encoders.ts); other headers pass as given.

import { scalarText } from './scalar.ts';

/** Header name as the spec writes it → explode, or `json` for JSON text. */
export type HeaderExplode = Readonly<Record<string, boolean | 'json'>>;

function headerValue(name: string, value: unknown, explode: boolean | 'json'): unknown {
  if (explode === 'json') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scalarText('header', name, v)).join(',');
  const pairs = Object.entries(value).filter(([, v]) => v !== undefined);
  return (explode ? pairs.map(([k, v]) => `${k}=${scalarText('header', name, v)}`) : pairs.flatMap(([k, v]) => [k, scalarText('header', name, v)])).join(',');
}

/** The header parameters with each array or object named in `explode` written in simple style. */
export function writeHeaders(explode: HeaderExplode, headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...headers };
  for (const [name, value] of Object.entries(headers)) if (Object.hasOwn(explode, name)) out[name] = headerValue(name, value, explode[name]!);
  return out;
}

type Init = { params?: { header?: Record<string, unknown> } };

/** The operation's encoder: the call's input (openapi-fetch's init) with its header parameters written. */
export function styledHeaders(explode: HeaderExplode): (init: object) => object {
  return (init) => {
    const params = (init as Init).params;
    return params?.header ? { ...init, params: { ...params, header: writeHeaders(explode, params.header) } } : init;
  };
}
