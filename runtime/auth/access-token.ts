// An access token the caller obtained through a flow the client cannot run itself (OAuth2
// authorization code, implicit or password; OpenID Connect): it goes on the wire exactly as an
// HTTP bearer token, so only the shorthand option differs (`accessToken`). The client neither
// obtains nor refreshes it: it takes a string, or a function it calls on every attempt for the
// current token (token-source.ts). Generated clients import this module only when their spec
// declares such a scheme.
import { bearerScheme } from './bearer-scheme.ts';
import { requestSigning } from './request-signing.ts';
import type { SigningSchemeKind } from './schemes.ts';
import { TokenSource, type TokenFunction } from './token-source.ts';

export const accessTokenScheme: SigningSchemeKind = {
  check: (vendor, scheme, label, value) =>
    typeof value === 'function' ? new TokenSource(vendor, label, value as TokenFunction) : bearerScheme.check(vendor, scheme, label, value),
  shorthand: (options) => options.accessToken,
  shorthandLabel: 'the accessToken option',
  // A function's tokens reach the redactor as it returns them (TokenSource.bind).
  secrets: (value) => (value instanceof TokenSource ? [] : bearerScheme.secrets(value)),
  place: (scheme, value) => (value instanceof TokenSource ? value.placement : bearerScheme.place!(scheme, value)),
  // A token function's placement is a rewrite, and its signer binds it to the client.
  signing: requestSigning,
  signer(name, _scheme, value, context) {
    if (value instanceof TokenSource) value.bind(name, context.onToken);
    return undefined;
  },
};
