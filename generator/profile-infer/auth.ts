// Auth in the profile: the model takes it from the spec's securitySchemes and `security`
// (generator/model/auth.ts, profile auth kind `spec`, the default), so the starter profile leaves
// `auth` out and only says what the spec declares, and what the client cannot send.
import { schemeFromSpec } from '../model/auth.ts';
import { isRecord, type Doc } from './document.ts';

/** Swagger 2.0 OAuth2 flow name → OpenAPI 3's. */
const SWAGGER2_FLOWS: Readonly<Record<string, string>> = { implicit: 'implicit', password: 'password', application: 'clientCredentials', accessCode: 'authorizationCode' };

/**
 * A Swagger 2.0 scheme as the converted document has it: 2.0 names http basic `basic`, and gives
 * an OAuth2 scheme one `flow` with its URLs beside it.
 */
function asOpenApi3(raw: unknown): Doc | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.type === 'basic') return { type: 'http', scheme: 'basic' };
  if (raw.type === 'oauth2' && typeof raw.flow === 'string' && SWAGGER2_FLOWS[raw.flow]) {
    const { tokenUrl, authorizationUrl, scopes } = raw;
    return { type: 'oauth2', flows: { [SWAGGER2_FLOWS[raw.flow]!]: { tokenUrl, authorizationUrl, scopes } } };
  }
  return raw as Doc;
}

export function describeAuth(doc: Doc): string {
  const schemes: Record<string, unknown> =
    (isRecord(doc.components) && isRecord(doc.components.securitySchemes) ? doc.components.securitySchemes : undefined) ??
    (isRecord(doc.securityDefinitions) ? doc.securityDefinitions : {});
  const names = Object.keys(schemes).sort();
  if (names.length === 0) {
    return 'no auth section: the spec declares no security scheme, so the client sends no credentials; add `auth` (kind bearer, basic, apiKey or oauth2) if the API needs one';
  }
  const parts = names.map((name) => {
    const scheme = schemeFromSpec(asOpenApi3(schemes[name]));
    if ('unsupported' in scheme) return `${name} (${scheme.unsupported}: the client cannot send it)`;
    if (scheme.type === 'accessToken') return `${name} (${scheme.source === 'openIdConnect' ? 'OpenID Connect' : 'OAuth2'}: an access token the caller passes)`;
    return `${name} (${scheme.type === 'apiKey' ? `apiKey in ${scheme.in} '${scheme.name}'` : scheme.type})`;
  });
  return `no auth section: auth comes from the spec's security schemes, ${parts.join(', ')}, and each operation's \`security\``;
}
