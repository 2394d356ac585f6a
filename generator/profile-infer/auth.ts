// Auth in the profile: the model takes it from the spec's securitySchemes and `security`
// (generator/model/auth.ts, profile auth kind `spec`, the default), so the starter profile leaves
// `auth` out and only says what the spec declares, and what the client cannot send.
import { schemeFromSpec } from '../model/auth.ts';
import { isRecord, type Doc } from './document.ts';

export function describeAuth(doc: Doc): string {
  const schemes: Record<string, unknown> =
    (isRecord(doc.components) && isRecord(doc.components.securitySchemes) ? doc.components.securitySchemes : undefined) ??
    (isRecord(doc.securityDefinitions) ? doc.securityDefinitions : {});
  const names = Object.keys(schemes).sort();
  if (names.length === 0) {
    return 'no auth section: the spec declares no security scheme, so the client sends no credentials; add `auth` (kind bearer, basic, apiKey or oauth2) if the API needs one';
  }
  const parts = names.map((name) => {
    const raw = schemes[name];
    // Swagger 2.0 names what OpenAPI 3 calls http basic `basic`; the converted document says http.
    const scheme = schemeFromSpec(isRecord(raw) && raw.type === 'basic' ? { type: 'http', scheme: 'basic' } : isRecord(raw) ? (raw as Doc) : undefined);
    if ('unsupported' in scheme) return `${name} (${scheme.unsupported}: the client cannot send it)`;
    return `${name} (${scheme.type === 'apiKey' ? `apiKey in ${scheme.in} '${scheme.name}'` : scheme.type})`;
  });
  return `no auth section: auth comes from the spec's security schemes, ${parts.join(', ')}, and each operation's \`security\``;
}
