// Operations that name servers of their own (test/fixtures/operation-servers): on the operation,
// with a variable at its default, or on the path item, they are sent there; one that lists one of
// the vendor's servers follows the server the client was given; a relative one cannot be used and
// is listed as such; a `baseUrl` set by the caller takes every request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';

let project: SpecProject;

beforeAll(async () => {
  project = await createSpecProject('operation-servers', [
    {
      vendor: 'media',
      displayName: 'Media',
      example: join(ROOT, 'test/fixtures/operation-servers/operation-servers.json'),
      profile: { servers: [{ name: 'global', url: 'https://api.media.test/v2' }, { name: 'eu', url: 'https://eu.api.media.test/v2' }] },
    },
  ]);
}, 120_000);

afterAll(() => project?.remove());

/** The URL one call of `method path` goes to, with the client built from `options`. */
async function sentTo(method: string, path: string, init: object, options: object = {}): Promise<string> {
  const vendor = project.vendors.media!;
  const seen: string[] = [];
  const fetch = async (request: Request) => (seen.push(request.url), Response.json({}));
  const client = vendor.create({ fetch, retry: false, logger: false, ...options });
  await vendor.operation(method, path)(client, init);
  return seen[0]!;
}

describe("operations with servers of their own", () => {
  it('are listed in the manifest, the usable ones with the URL they go to', () => {
    const manifest = JSON.parse(readFileSync(join(project.root, 'generated/manifest.json'), 'utf8'));
    expect(manifest.vendors.media.operationServers).toEqual(['GET /exports/{id} https://exports.media.test', 'POST /uploads https://us.uploads.media.test']);
    expect(manifest.vendors.media.unresolvedOperationServers).toEqual(['GET /health /status']);
  });

  it("go to their own server; the others to the client's", async () => {
    const body = new Uint8Array([1, 2]);
    expect(await sentTo('POST', '/uploads', { body })).toBe('https://us.uploads.media.test/uploads');
    expect(await sentTo('GET', '/exports/{id}', { params: { path: { id: 'e1' } } })).toBe('https://exports.media.test/exports/e1');
    expect(await sentTo('GET', '/items', {})).toBe('https://api.media.test/v2/items');
    expect(await sentTo('GET', '/health', {})).toBe('https://api.media.test/v2/health');
    // It lists one of the vendor's servers, so the client's choice serves it.
    expect(await sentTo('GET', '/regional', {}, { server: 'global' })).toBe('https://api.media.test/v2/regional');
    expect(await sentTo('GET', '/items', {}, { server: 'eu' })).toBe('https://eu.api.media.test/v2/items');
    expect(await sentTo('POST', '/uploads', { body }, { server: 'eu' })).toBe('https://us.uploads.media.test/uploads');
  });

  it('go to baseUrl, as every request does, when the caller sets it', async () => {
    expect(await sentTo('POST', '/uploads', { body: new Uint8Array([1]) }, { baseUrl: 'http://127.0.0.1:4010' })).toBe('http://127.0.0.1:4010/uploads');
    expect(await sentTo('GET', '/exports/{id}', { params: { path: { id: 'e1' } } }, { baseUrl: 'http://127.0.0.1:4010' })).toBe('http://127.0.0.1:4010/exports/e1');
  });
});
