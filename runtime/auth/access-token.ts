// An access token the caller obtained through a flow the client cannot run itself (OAuth2
// authorization code, implicit or password; OpenID Connect): it goes on the wire exactly as an
// HTTP bearer token, so only the shorthand option differs (`accessToken`). The client neither
// obtains nor refreshes it; generated clients import this module only when their spec declares
// such a scheme.
import { bearerScheme } from './bearer-scheme.ts';
import type { SchemeKind } from './schemes.ts';

export const accessTokenScheme: SchemeKind = {
  ...bearerScheme,
  shorthand: (options) => options.accessToken,
  shorthandLabel: 'the accessToken option',
};
