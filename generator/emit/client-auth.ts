// The auth strategy a generated client passes, and its imports, chosen from the spec so a Worker
// bundles only the auth the spec needs: token exchange; no auth without schemes; the header
// strategy (runtime/auth/header-auth.ts fittedHeaderAuth, which trusts this module's check of the
// shape) when every operation accepts the same alternatives of one header scheme each (bearer,
// basic, an API key in a header); otherwise the general scheme
// strategy with the kinds declared. The basic kind reads the username/password shorthand options
// only in a client whose shorthand fills a basic scheme.
import type { AuthModel, SecuritySchemeModel } from '../model/types.ts';

type SchemesAuth = Extract<AuthModel, { kind: 'schemes' }>;

/** Runtime module and export of each scheme kind (runtime/auth/*). */
const SCHEME_KINDS: Readonly<Record<SecuritySchemeModel['type'], { name: string; module: string }>> = {
  apiKey: { name: 'apiKeyScheme', module: 'svcgen/runtime/auth/api-key' },
  basic: { name: 'basicScheme', module: 'svcgen/runtime/auth/basic' },
  bearer: { name: 'bearerScheme', module: 'svcgen/runtime/auth/bearer-scheme' },
  oauth2: { name: 'oauth2Scheme', module: 'svcgen/runtime/auth/oauth2' },
  accessToken: { name: 'accessTokenScheme', module: 'svcgen/runtime/auth/access-token' },
};

/** The basic kind of a client whose shorthand options fill a scheme of another type, or that has none: no username/password reading. */
const BASIC_NO_SHORTHAND = { name: 'basicSchemeNoShorthand', module: 'svcgen/runtime/auth/basic' };

/** The kind headerAuth is given for an API key, all of which are headers then (no Request rewriting). */
const API_KEY_HEADER = { name: 'apiKeyHeaderScheme', module: 'svcgen/runtime/auth/api-key-header' };

/** True for a scheme whose credential is one static header (HeaderSchemeKind in runtime/auth/schemes.ts). */
const isHeader = (scheme: SecuritySchemeModel): boolean => scheme.type === 'basic' || scheme.type === 'bearer' || (scheme.type === 'apiKey' && scheme.in === 'header');

/**
 * True when the header strategy serves the spec as the general one would: no operation has its
 * own requirement, every alternative is one scheme (no AND-ed schemes sharing a header, no empty
 * alternative making auth optional), every scheme is one of them (so any credential given selects
 * one) and a static header. runtime/auth/header-auth.ts refuses a profile of any other shape.
 */
export function fitsHeaderAuth(auth: SchemesAuth): boolean {
  const alternatives = new Set(auth.security.filter((alternative) => alternative.length === 1).map(([name]) => name));
  return (
    Object.keys(auth.operations).length === 0 &&
    auth.security.length > 0 &&
    alternatives.size === auth.security.length &&
    Object.keys(auth.schemes).every((name) => alternatives.has(name)) &&
    Object.values(auth.schemes).every(isHeader)
  );
}

export function authStrategy(auth: AuthModel): { authImports: string[]; authStrategy: string } {
  if (auth.kind === 'token-exchange') {
    return { authImports: ["import { tokenExchangeAuth } from 'svcgen/runtime/auth/token-exchange';"], authStrategy: 'tokenExchangeAuth' };
  }
  const types = [...new Set(Object.values(auth.schemes).map((scheme) => scheme.type))].sort();
  if (types.length === 0) return { authImports: ["import { noAuth } from 'svcgen/runtime/auth/no-auth';"], authStrategy: 'noAuth' };
  const header = fitsHeaderAuth(auth);
  const [strategy, module] = header ? ['fittedHeaderAuth', 'header-auth'] : ['schemeAuth', 'scheme-auth'];
  const shorthandType = auth.shorthand === undefined ? undefined : auth.schemes[auth.shorthand]?.type;
  const kind = (type: SecuritySchemeModel['type']) =>
    header && type === 'apiKey' ? API_KEY_HEADER : type === 'basic' && shorthandType !== 'basic' ? BASIC_NO_SHORTHAND : SCHEME_KINDS[type];
  return {
    authImports: [
      `import { ${strategy} } from 'svcgen/runtime/auth/${module}';`,
      ...types.map((type) => `import { ${kind(type).name} } from '${kind(type).module}';`),
    ],
    authStrategy: `${strategy}({ ${types.map((type) => `${type}: ${kind(type).name}`).join(', ')} })`,
  };
}
