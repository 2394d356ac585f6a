// API keys in a header, for a client whose every API-key scheme is one (headerAuth): a key string
// checked, filled by the `apiKey` shorthand and scrubbed as a bearer token is, sent under the
// scheme's header name. api-key.ts is the kind for query and cookie keys, which rewrite the Request.
import { bearerScheme } from './bearer-scheme.ts';
import { fail, type HeaderSchemeKind, type SchemeProfile } from './schemes.ts';

export const apiKeyHeaderScheme: HeaderSchemeKind = {
  ...bearerScheme,
  check: (vendor, scheme, label, value) =>
    (scheme as Extract<SchemeProfile, { type: 'apiKey' }>).in === 'header' ? bearerScheme.check(vendor, scheme, label, value) : fail(vendor, `${label} is an API key this client cannot send (header keys only)`),
  place: (scheme, value) => ({ header: [(scheme as Extract<SchemeProfile, { type: 'apiKey' }>).name, value as string] }),
};
