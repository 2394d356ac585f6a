// Auth for the profile from the spec's security schemes. The profile's auth kinds today are
// `bearer`, `basic` and `token-exchange`; a scheme they cannot express (an API key, OAuth2,
// OpenID Connect) is mapped to the closest kind and the note says what the spec really asks for.
// TODO(issue 13 item 1): once auth comes from securitySchemes in the model, emit that instead.
import { isRecord, type Doc } from './document.ts';

export interface InferredAuth {
  auth: { kind: 'bearer' | 'basic'; scheme?: string };
  note?: string;
}

export function inferAuth(doc: Doc): InferredAuth {
  const schemes: Record<string, unknown> =
    (isRecord(doc.components) && isRecord(doc.components.securitySchemes) ? doc.components.securitySchemes : undefined) ??
    (isRecord(doc.securityDefinitions) ? doc.securityDefinitions : {});
  const entries = Object.entries(schemes).filter((entry): entry is [string, Record<string, any>] => isRecord(entry[1]));
  if (entries.length === 0) {
    return { auth: { kind: 'bearer' }, note: 'the spec declares no security scheme: bearer is a placeholder; set the kind the API really uses' };
  }
  const describe = entries.map(([name, s]) => `${name} (${describeScheme(s)})`).join(', ');
  const bearer = entries.find(([, s]) => s.type === 'http' && String(s.scheme).toLowerCase() === 'bearer');
  if (bearer) return { auth: { kind: 'bearer', scheme: bearer[0] }, ...(entries.length > 1 ? { note: `the spec also declares ${describe}` } : {}) };
  const basic = entries.find(([, s]) => (s.type === 'http' && String(s.scheme).toLowerCase() === 'basic') || s.type === 'basic');
  if (basic) {
    return {
      auth: { kind: 'basic', scheme: basic[0] },
      note: `basic auth sends the API key as the username; the spec declares ${describe}`,
    };
  }
  return {
    auth: { kind: 'bearer' },
    note: `the spec declares ${describe}, which the profile's auth kinds cannot express yet: bearer is the closest stand-in`,
  };
}

function describeScheme(scheme: Record<string, any>): string {
  if (scheme.type === 'apiKey') return `apiKey in ${scheme.in} '${scheme.name}'`;
  if (scheme.type === 'http') return `http ${scheme.scheme}`;
  if (scheme.type === 'oauth2') return 'oauth2';
  return String(scheme.type);
}
