// API keys in a header, a query parameter or a cookie, as the scheme names them; the `apiKey`
// shorthand option fills the shorthand scheme.
import { requestSigning } from './request-signing.ts';
import { checkText, type Placement, type SchemeProfile, type SigningSchemeKind } from './schemes.ts';

type ApiKeyScheme = Extract<SchemeProfile, { type: 'apiKey' }>;

/** A copy of `request` at `url`, carrying the body from `init` (the pipeline's buffer) or its own. */
async function moved(request: Request, url: string, init: { body?: ArrayBuffer } | undefined): Promise<Request> {
  const body = init?.body ?? (request.body === null ? undefined : await request.arrayBuffer());
  return new Request(url, { method: request.method, headers: request.headers, body: body ?? null, signal: request.signal, redirect: request.redirect });
}

/**
 * `href` with `name=value` in place of any pair of that name, the other pairs left as the encoder
 * wrote them. Not searchParams.set: it re-serialises the whole query, turning the literal `|` and
 * `,` that separate a styled array's items into `%7C` and `%2C` (the same text as an item's own
 * escaped `|` or `,`) and `%20` into `+`.
 */
function withQueryKey(href: string, name: string, value: string): string {
  const url = new URL(href);
  const pairs = url.search.slice(1).split('&').filter((pair) => pair !== '' && pairName(pair) !== name);
  pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  url.search = pairs.join('&');
  return url.href;
}

function pairName(pair: string): string {
  const raw = pair.split('=', 1)[0]!;
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return raw;
  }
}

function placement(scheme: ApiKeyScheme, value: string): Placement {
  if (scheme.in === 'header') return { header: [scheme.name, value] };
  if (scheme.in === 'query') {
    return {
      rewrite: (request, init) => moved(request, withQueryKey(request.url, scheme.name, value), init),
    };
  }
  // Joins the caller's own cookies rather than replacing them.
  return {
    rewrite: (request) => {
      const headers = new Headers(request.headers);
      const existing = headers.get('Cookie');
      headers.set('Cookie', `${existing ? `${existing}; ` : ''}${scheme.name}=${value}`);
      return new Request(request, { headers });
    },
  };
}

export const apiKeyScheme: SigningSchemeKind = {
  check(vendor, scheme, label, value) {
    // A cookie value ends at `;` and may not hold spaces, quotes, commas or backslashes (RFC 6265).
    const cookie = scheme.type === 'apiKey' && scheme.in === 'cookie';
    return checkText(vendor, label, value, cookie ? /[\r\n\0;,"\\\s]/ : /[\r\n\0]/);
  },
  shorthand: (options) => options.apiKey,
  shorthandLabel: 'the apiKey option',
  secrets: (value) => [value as string],
  place: (scheme, value) => placement(scheme as ApiKeyScheme, value as string),
  // Query and cookie keys are rewrites of the Request.
  signing: requestSigning,
};
