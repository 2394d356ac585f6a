// Servers for the profile: the spec's own (variables replaced by their defaults), made absolute.
// A relative URL is resolved against the spec's download address when there is one; otherwise,
// or when the spec names no server, a placeholder host that cannot resolve (`.invalid`, RFC 6761)
// stands in and the note says so, so nothing is ever sent to a guessed host.
import { absoluteHttpUrl, withVariableDefaults } from '../model/server-url.ts';
import { isRecord, type Doc } from './document.ts';

export const PLACEHOLDER_ORIGIN = 'https://api.example.invalid';

export interface InferredServers {
  servers: { name: string; url: string; description?: string }[];
  /** Why the result is not simply the spec's servers, when it is not. */
  note?: string;
}

export function inferServers(doc: Doc, source?: string): InferredServers {
  const candidates: { url: string; description?: string }[] = isRecord(doc) && typeof doc.swagger === 'string' ? swaggerServers(doc) : openapiServers(doc);
  const servers: InferredServers['servers'] = [];
  const problems: string[] = [];
  for (const candidate of candidates) {
    const url = absoluteHttpUrl(candidate.url, source);
    if (!url) {
      problems.push(`'${candidate.url}'`);
      continue;
    }
    if (servers.some((s) => s.url === url)) continue;
    servers.push({ name: servers.length === 0 ? 'default' : `server${servers.length + 1}`, url, ...(candidate.description ? { description: candidate.description } : {}) });
  }
  if (servers.length > 0) return { servers, ...(problems.length ? { note: `skipped ${problems.join(', ')}: not an absolute http(s) URL once variables take their defaults` } : {}) };
  const relativePath = candidates.map((c) => c.url).find((u) => u.startsWith('/')) ?? '';
  const url = PLACEHOLDER_ORIGIN + relativePath.replace(/\/+$/, '');
  return {
    servers: [{ name: 'default', url }],
    note: candidates.length === 0
      ? 'the spec names no server: replace this placeholder with the API\'s base URL'
      : `the spec's servers are not absolute http(s) URLs (${candidates.map((c) => `'${c.url}'`).join(', ')}): replace the placeholder host with the API's`,
  };
}

function openapiServers(doc: Doc): { url: string; description?: string }[] {
  if (!Array.isArray(doc.servers)) return [];
  const out: { url: string; description?: string }[] = [];
  for (const server of doc.servers) {
    if (!isRecord(server) || typeof server.url !== 'string') continue;
    const url = withVariableDefaults(server);
    out.push({ url, ...(typeof server.description === 'string' ? { description: oneLine(server.description) } : {}) });
  }
  return out;
}

function swaggerServers(doc: Doc): { url: string; description?: string }[] {
  const basePath = typeof doc.basePath === 'string' ? doc.basePath : '';
  if (typeof doc.host !== 'string' || !doc.host) return basePath ? [{ url: basePath }] : [];
  const schemes: string[] = Array.isArray(doc.schemes) && doc.schemes.length ? doc.schemes : ['https'];
  const scheme = schemes.includes('https') ? 'https' : schemes[0]!;
  return [{ url: `${scheme}://${doc.host}${basePath}` }];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
