// Cookie parameters. openapi-fetch sends `params.header` but drops `params.cookie`, so without this
// encoder a cookie parameter the caller gave never reached the server. It writes them into the
// Cookie header, each a cookie-pair (RFC 6265) and pairs joined by '; ', after any Cookie header
// parameter the caller set; a cookie API key is joined to it later, per attempt
// (runtime/auth/api-key.ts). Names and values are percent-encoded, as a cookie value may not hold
// ';', ',', spaces, quotes or backslashes:
//   form, explode (the default)   id=5   ids=1; ids=2   R=100; G=200
//   form, no explode              ids=1,2   color=R,100,G,200
//   json (JSON `content`)         q=%7B%22page%22%3A1%7D
// OpenAPI 3.0 and 3.1 give cookies the form style but write its exploded arrays and objects with
// '&', a query separator that a cookie reader keeps inside the value; the exploded forms above are
// the separate cookie-pairs OpenAPI 3.2's `cookie` style writes. A null or undefined parameter, or
// an empty array, is left out.
import { writeHeaders, type HeaderExplode } from './header.ts';
import type { ParamStyle } from './query.ts';
import { scalarText } from './scalar.ts';

/** Cookie parameter name → its style. */
export type CookieStyles = Readonly<Record<string, ParamStyle>>;

const enc = encodeURIComponent;

function text(name: string, value: unknown): string {
  return enc(scalarText('cookie', name, value));
}

/** The cookie-pairs of one parameter. */
function cookiePairs(name: string, value: unknown, style: ParamStyle | undefined): string[] {
  if (style?.style === 'json') return [`${enc(name)}=${enc(JSON.stringify(value))}`];
  const explode = style?.explode ?? true;
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== undefined && item !== null).map((item) => text(name, item));
    if (items.length === 0) return [];
    return explode ? items.map((item) => `${enc(name)}=${item}`) : [`${enc(name)}=${items.join(',')}`];
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
    if (explode) return entries.map(([k, v]) => `${enc(k)}=${text(name, v)}`);
    return [`${enc(name)}=${entries.flatMap(([k, v]) => [enc(k), text(name, v)]).join(',')}`];
  }
  return [`${enc(name)}=${text(name, value)}`];
}

type Init = { params?: { header?: Record<string, unknown>; cookie?: Record<string, unknown> } };

/**
 * The operation's encoder when it has cookie parameters: the call's input with its cookie
 * parameters in a Cookie header parameter, and its header parameters written as `headers` says
 * (header.ts; empty when none is an array, object or JSON).
 */
export function styledCookies(cookies: CookieStyles, headers: HeaderExplode = {}): (init: object) => object {
  return (init) => {
    const params = (init as Init).params;
    if (!params) return init;
    const header: Record<string, unknown> = params.header ? writeHeaders(headers, params.header) : {};
    const pairs: string[] = [];
    for (const [name, value] of Object.entries(params.cookie ?? {})) {
      if (value === undefined || value === null) continue;
      pairs.push(...cookiePairs(name, value, Object.hasOwn(cookies, name) ? cookies[name] : undefined));
    }
    if (pairs.length > 0) {
      const own = Object.keys(header).find((key) => key.toLowerCase() === 'cookie');
      const given = own === undefined ? undefined : header[own];
      if (own !== undefined) delete header[own];
      header['cookie'] = given === undefined || given === null || given === '' ? pairs.join('; ') : `${String(given)}; ${pairs.join('; ')}`;
    }
    return { ...init, params: { ...params, header } };
  };
}
