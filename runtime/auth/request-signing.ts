// The signing of clients whose scheme kinds rewrite the attempt's Request (an API key in the query
// or a cookie, a token function's header) or obtain tokens (OAuth2 client credentials): those
// kinds name it as their `signing`, so a client of static header schemes bundles none of it.
import type { FetchLike } from '../contract.ts';
import { keepToken } from './kept-tokens.ts';
import { kindOf, withSchemeCredentials, type Signing, type SignerContext } from './schemes.ts';


export const requestSigning: Signing = ({ vendor, auth, kinds, supplied, baseUrl, loginPipeline, requestIdHeader, secretShapes }) => {
  const tokens: string[] = [];
  const signers = new Map<string, ((transport: FetchLike) => FetchLike) | undefined>();
  const context: SignerContext = {
    vendor,
    baseUrl,
    loginPipeline,
    ...(requestIdHeader ? { requestIdHeader } : {}),
    ...(secretShapes ? { secretShapes } : {}),
    onToken: (token: string) => keepToken(tokens, token),
  };

  /** The token signer of scheme `name`, one per scheme so its token is shared by every pipeline. */
  function signerOf(name: string): ((transport: FetchLike) => FetchLike) | undefined {
    if (signers.has(name)) return signers.get(name);
    const scheme = auth.schemes[name]!;
    const sign = kindOf(vendor, kinds, scheme).signer?.(name, scheme, supplied.get(name)!, context);
    signers.set(name, sign);
    return sign;
  }

  return {
    tokens,
    sign: (names, placements) => (transport) => {
      let signed = withSchemeCredentials(transport, placements);
      for (const name of names) signed = signerOf(name)?.(signed) ?? signed;
      return signed;
    },
  };
};
