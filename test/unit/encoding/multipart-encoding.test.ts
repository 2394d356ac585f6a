// From a spec's multipart `encoding` to the parts on the wire, through the real CLI and the
// generated client (test/fixtures/multipart-encoding/openapi.json, one operation per case):
// - no `encoding`: OpenAPI's defaults, and @hey-api/openapi-ts's FormData serializer, a second
//   implementation of them (one part per array item under the same name, objects as JSON text),
//   must yield the same fields as a server parses them;
// - `style: deepObject`: bracket-named fields;
// - `contentType`: the part's type where it differs from the default, nothing where it does not.
// Prism then validates what the generated client sends against the fixture, with its multipart
// reading fixed (test/contract/prism-multipart.ts; Prism 5.16 alone reads every part as text, pinned below).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
// @hey-api/openapi-ts ships its client runtime as TypeScript source; this is its multipart serializer.
import { formDataBodySerializer } from '../../../node_modules/@hey-api/openapi-ts/dist/clients/core/bodySerializer.ts';
import { startPrism, type PrismServer } from '../../support/prism.ts';
import { PRISM_FIXES } from '../../contract/prism-fixes.ts';
import { partHeadersOfWire, partsOfWire, type Part } from './multipart-parts.ts';
import { fixtureVendor, type SentRequest } from './sent-request.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/multipart-encoding/openapi.json', import.meta.url));

const fixture = fixtureVendor('multipart', 'parts', 'Parts', FIXTURE);
const send = fixture.send;

const received = (sent: SentRequest): Promise<Part[]> => partsOfWire(sent.body, sent.contentType);

describe('multipart encoding from the spec to the wire', () => {
  it('names a part table only for operations whose encoding departs from the defaults', async () => {
    const tables = Object.fromEntries(fixture.vendor.model.operations.map((op) => [op.id, op.requestBody?.parts]));
    expect(tables).toEqual({
      createPodcast: undefined,
      createFile: { expand: 'deepObject', link_data: 'deepObject' },
      createNote: { note: 'application/merge-patch+json', photo: 'image/png', table: 'text/csv' },
    });
    const { readFileSync } = await import('node:fs');
    const js = readFileSync(`${fixture.root}/generated/parts/operations.js`, 'utf8');
    expect(js).toContain("import { multipartBody as $multipartBody, multipartBodyWith as $multipartBodyWith } from 'svcgen/runtime/encoding/multipart';");
    expect(js).toMatch(/createPodcastMeta = \{[^\n]*encodeBody: \$multipartBody \};/);
    expect(js).toContain("encodeBody: /* @__PURE__ */ $multipartBodyWith({ expand: 'deepObject', link_data: 'deepObject' })");
  });

  it('no encoding: the same fields as @hey-api/openapi-ts sends, JSON parts typed application/json', async () => {
    const body = {
      podcast: { name: 'Pod', language: 'en', explicit: false },
      file_logo: new File(['png bytes'], 'logo.png', { type: 'image/png' }),
      tags: ['news', 'tech'],
      episodes: [{ title: 'One', number: 1 }, { title: 'Two' }],
      count: 2,
      public: true,
    };
    const sent = await send('/podcasts', body);
    const heyApi = formDataBodySerializer.bodySerializer(body);
    const theirs = new Request('https://x.test', { method: 'POST', body: heyApi });
    expect(await received(sent)).toEqual(await partsOfWire(await theirs.arrayBuffer(), theirs.headers.get('content-type')!));
    expect(await received(sent)).toEqual([
      { name: 'podcast', value: '{"name":"Pod","language":"en","explicit":false}' },
      { name: 'file_logo', filename: 'logo.png', type: 'image/png', bytes: [...new TextEncoder().encode('png bytes')] },
      { name: 'tags', value: 'news' },
      { name: 'tags', value: 'tech' },
      { name: 'episodes', value: '{"title":"One","number":1}' },
      { name: 'episodes', value: '{"title":"Two"}' },
      { name: 'count', value: '2' },
      { name: 'public', value: 'true' },
    ]);
    expect(partHeadersOfWire(sent.body, sent.contentType).map((h) => h.join(' | '))).toEqual([
      'Content-Disposition: form-data; name="podcast" | Content-Type: application/json',
      'Content-Disposition: form-data; name="file_logo"; filename="logo.png" | Content-Type: image/png',
      'Content-Disposition: form-data; name="tags"',
      'Content-Disposition: form-data; name="tags"',
      'Content-Disposition: form-data; name="episodes" | Content-Type: application/json',
      'Content-Disposition: form-data; name="episodes" | Content-Type: application/json',
      'Content-Disposition: form-data; name="count"',
      'Content-Disposition: form-data; name="public"',
    ]);
  });

  it('no encoding: a file inside an object property is refused before anything is sent', async () => {
    await expect(send('/podcasts', { podcast: { name: 'Pod', cover: new Blob(['x']) }, file_logo: new Blob(['y']) })).rejects.toThrow(
      'multipart body: property "podcast" is sent as one application/json part, which cannot carry the file at podcast.cover',
    );
  });

  it('deepObject encoding: bracket-named fields', async () => {
    const sent = await send('/files', {
      file: new Uint8Array([1, 2]),
      purpose: 'evidence',
      link_data: { create: true, metadata: { order: '42' } },
      expand: ['links', 'owner'],
    });
    expect(await received(sent)).toEqual([
      { name: 'file', filename: 'blob', type: 'application/octet-stream', bytes: [1, 2] },
      { name: 'purpose', value: 'evidence' },
      { name: 'link_data[create]', value: 'true' },
      { name: 'link_data[metadata][order]', value: '42' },
      { name: 'expand[0]', value: 'links' },
      { name: 'expand[1]', value: 'owner' },
    ]);
  });

  it('contentType: the declared part types; a default or a list of types changes nothing', async () => {
    const sent = await send('/notes', {
      note: { title: 'T' },
      table: 'a,b\n1,2',
      meta: { lang: 'en' },
      photo: new Uint8Array([7]),
      image: new File(['j'], 'i.jpg', { type: 'image/jpeg' }),
      labels: ['x', 'y'],
    });
    expect(partHeadersOfWire(sent.body, sent.contentType).map((h) => h.join(' | '))).toEqual([
      'Content-Disposition: form-data; name="note" | Content-Type: application/merge-patch+json',
      'Content-Disposition: form-data; name="table" | Content-Type: text/csv',
      'Content-Disposition: form-data; name="meta" | Content-Type: application/json',
      'Content-Disposition: form-data; name="photo"; filename="blob" | Content-Type: image/png',
      'Content-Disposition: form-data; name="image"; filename="i.jpg" | Content-Type: image/jpeg',
      'Content-Disposition: form-data; name="labels"',
      'Content-Disposition: form-data; name="labels"',
    ]);
    expect((await received(sent)).slice(0, 3)).toEqual([
      { name: 'note', value: '{"title":"T"}' },
      { name: 'table', value: 'a,b\n1,2' },
      { name: 'meta', value: '{"lang":"en"}' },
    ]);
  });
});

describe('Prism validates what the generated client sends', () => {
  let plain: PrismServer;
  let fixed: PrismServer;
  beforeAll(async () => {
    [plain, fixed] = await Promise.all([
      startPrism(FIXTURE),
      startPrism(FIXTURE, { imports: [...PRISM_FIXES] }),
    ]);
  }, 240_000);
  afterAll(async () => {
    await Promise.all([plain?.stop(), fixed?.stop()]);
  });

  const call = (server: PrismServer, method: string, path: string, body: object) => {
    const client = fixture.vendor.create({ baseUrl: server.url, retry: false, logger: false });
    return fixture.vendor.operation(method, path)(client, { body });
  };
  const podcast = {
    podcast: { name: 'Pod', explicit: false },
    file_logo: new File(['png'], 'logo.png', { type: 'image/png' }),
    tags: ['news'],
    episodes: [{ title: 'One', number: 1 }, { title: 'Two' }],
    count: 2,
  };

  it('accepts every fixture operation as the generated client encodes it', async () => {
    await expect(call(fixed, 'POST', '/podcasts', podcast)).resolves.toBeDefined();
    await expect(call(fixed, 'POST', '/files', { file: new Uint8Array([1]), purpose: 'logo', link_data: { create: true, metadata: { k: 'v' } }, expand: ['a'] })).resolves.toBeDefined();
    await expect(call(fixed, 'POST', '/notes', { note: { title: 'T' }, table: 'a,b', meta: { lang: 'en' }, labels: ['x', 'y'] })).resolves.toBeDefined();
  });

  it('still reports a body that breaks the schema inside a JSON part, or a wrong item type', async () => {
    await expect(call(fixed, 'POST', '/podcasts', { ...podcast, podcast: { explicit: 'no' } })).rejects.toMatchObject({ status: 422 });
    await expect(call(fixed, 'POST', '/podcasts', { ...podcast, episodes: [{ number: 3 }] })).rejects.toMatchObject({ status: 422 });
    await expect(call(fixed, 'POST', '/podcasts', { ...podcast, count: 'many' })).rejects.toMatchObject({ status: 422 });
  });

  it('Prism 5.16 alone reads a JSON part as text (why test/contract/prism-multipart.ts exists)', async () => {
    const error = await call(plain, 'POST', '/podcasts', podcast).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, body: { validation: expect.arrayContaining([expect.objectContaining({ message: 'Request body property podcast must be object' })]) } });
  });
});
