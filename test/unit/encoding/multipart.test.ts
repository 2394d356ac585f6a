// encodeMultipart and its openapi-fetch wiring: OpenAPI's default part types, the departures a
// part table names (bracket-named deepObject fields, a declared contentType), and the body as
// written (framing, escaping, boundary), read back with undici's parser. The comparison with
// stripe-node's multipart body is in multipart.stripe.test.ts; the generator's tables and the
// generated client, with @hey-api's serializer as a second implementation, in
// multipart-encoding.test.ts; the same body written inside workerd in test/workerd/multipart-wire.test.ts.
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { MULTIPART_HEADERS, encodeMultipart, multipartBody, multipartBodySerializer, multipartBodyWith } from '../../../runtime/encoding/multipart.ts';
import { partsOfWire, readMultipart } from './multipart-parts.ts';

const text = (s: string) => [...new TextEncoder().encode(s)];
const field = (name: string) => `Content-Disposition: form-data; name="${name}"`;
/** The header lines of a part with its own Content-Type and no file name: a typed field, not a file. */
const typed = (name: string, type: string) => `${field(name)} | Content-Type: ${type}`;
const file = (name: string, filename: string, type: string) => `${field(name)}; filename="${filename}" | Content-Type: ${type}`;

describe('encodeMultipart with OpenAPI defaults (no encoding entry)', () => {
  it('sends scalars as text, an object as ONE application/json part with no filename, bytes as a file', async () => {
    const { parts, headers } = await readMultipart(
      encodeMultipart({
        purpose: 'dispute_evidence',
        count: 3,
        file: new Uint8Array([1, 2, 3]),
        podcast: { name: 'Pod', at: new Date(2_000_000), tags: ['a'] },
        skipped: undefined,
        cleared: null,
      }),
    );
    // undici's parser: a part without filename is a string field, a part with one a File.
    expect(parts).toEqual([
      { name: 'purpose', value: 'dispute_evidence' },
      { name: 'count', value: '3' },
      { name: 'file', filename: 'blob', type: 'application/octet-stream', bytes: [1, 2, 3] },
      { name: 'podcast', value: '{"name":"Pod","at":"1970-01-01T00:33:20.000Z","tags":["a"]}' },
      { name: 'cleared', value: '' },
    ]);
    expect(headers).toEqual([field('purpose'), field('count'), file('file', 'blob', 'application/octet-stream'), typed('podcast', 'application/json'), field('cleared')]);
  });

  it('repeats the property name for each array item; object items are JSON parts, file items files', async () => {
    const { parts, headers } = await readMultipart(
      encodeMultipart({
        tags: ['a', 'b'],
        episodes: [{ n: 1 }, { n: 2 }],
        files: [new Blob(['z'], { type: 'image/png' }), new Uint8Array([9])],
        empty: [],
      }),
    );
    expect(parts).toEqual([
      { name: 'tags', value: 'a' },
      { name: 'tags', value: 'b' },
      { name: 'episodes', value: '{"n":1}' },
      { name: 'episodes', value: '{"n":2}' },
      { name: 'files', filename: 'blob', type: 'image/png', bytes: [122] },
      { name: 'files', filename: 'blob', type: 'application/octet-stream', bytes: [9] },
    ]);
    expect(headers.slice(2, 4)).toEqual([typed('episodes', 'application/json'), typed('episodes', 'application/json')]);
  });

  it('refuses a file inside a JSON part, naming the property and where the file is', () => {
    expect(() => encodeMultipart({ podcast: { name: 'x', logo: new Blob(['png']) } })).toThrow(
      new TypeError('multipart body: property "podcast" is sent as one application/json part, which cannot carry the file at podcast.logo; send files as top-level properties of the body'),
    );
    expect(() => encodeMultipart({ docs: [{ ok: 1 }, { pages: [new Uint8Array([1])] }] })).toThrow(/property "docs\[1\]" .* the file at docs\[1\]\.pages\[0\]/);
  });
});

describe('encodeMultipart on the wire', () => {
  it('frames every part with the boundary and CRLFs, the last delimiter closed with --', async () => {
    const body = encodeMultipart({ a: '1', doc: { k: true }, f: new File(['x'], 'x.txt', { type: 'text/plain' }) }, {}, 'b0');
    expect(body.type).toBe('multipart/form-data; boundary=b0');
    expect(await body.text()).toBe(
      '--b0\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n' +
        '--b0\r\nContent-Disposition: form-data; name="doc"\r\nContent-Type: application/json\r\n\r\n{"k":true}\r\n' +
        '--b0\r\nContent-Disposition: form-data; name="f"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nx\r\n' +
        '--b0--\r\n',
    );
    expect(await encodeMultipart({}, {}, 'b0').text()).toBe('--b0--\r\n');
  });

  it('escapes " CR LF in names and file names as %22 %0D %0A, and sends text values as given', async () => {
    const { parts, headers } = await readMultipart(
      encodeMultipart({ 'a"b\r\nc': 'line 1\nline 2\r\n', up: { data: 'x', name: 'evil"\r\nContent-Type: text/html.txt' } }),
    );
    expect(headers).toEqual([field('a%22b%0D%0Ac'), `${field('up')}; filename="evil%22%0D%0AContent-Type: text/html.txt" | Content-Type: application/octet-stream`]);
    // undici's parser undoes the escapes: the server reads the name the caller gave.
    expect(parts).toEqual([
      { name: 'a"b\r\nc', value: 'line 1\nline 2\r\n' },
      { name: 'up', filename: 'evil"\r\nContent-Type: text/html.txt', type: 'application/octet-stream', bytes: text('x') },
    ]);
  });

  it('keeps a type with a CR or LF out of the part header (as a Blob would)', async () => {
    const { headers } = await readMultipart(encodeMultipart({ up: { data: 'x', name: 'a.txt', type: 'text/plain\r\nX-Injected: 1' } }));
    expect(headers).toEqual([file('up', 'a.txt', 'application/octet-stream')]);
  });

  it('chooses a new random boundary for each body', () => {
    const boundaries = [encodeMultipart({ a: '1' }), encodeMultipart({ a: '1' })].map((b) => /boundary=(\S+)$/.exec(b.type)?.[1]);
    expect(boundaries[0]).toMatch(/^svcgen-[0-9a-f]{32}$/);
    expect(boundaries[1]).toMatch(/^svcgen-[0-9a-f]{32}$/);
    expect(boundaries[0]).not.toBe(boundaries[1]);
  });
});

describe('encodeMultipart with a part table', () => {
  it('deepObject: bracket-named fields, indexed arrays, files nested in them still files', async () => {
    const { parts } = await readMultipart(
      encodeMultipart(
        {
          purpose: 'dispute_evidence',
          file_link_data: { create: true, expires_at: new Date(2_000_000), metadata: { k: 'v' } },
          expand: ['a', 'b'],
          docs: [{ file: new Blob(['z'], { type: 'image/png' }) }],
        },
        { file_link_data: 'deepObject', expand: 'deepObject', docs: 'deepObject' },
      ),
    );
    expect(parts).toEqual([
      { name: 'purpose', value: 'dispute_evidence' },
      { name: 'file_link_data[create]', value: 'true' },
      { name: 'file_link_data[expires_at]', value: '2000' },
      { name: 'file_link_data[metadata][k]', value: 'v' },
      { name: 'expand[0]', value: 'a' },
      { name: 'expand[1]', value: 'b' },
      { name: 'docs[0][file]', filename: 'blob', type: 'image/png', bytes: [122] },
    ]);
  });

  it('a declared contentType: JSON types get JSON text, other types the text, files lacking a type get it', async () => {
    const { parts, headers } = await readMultipart(
      encodeMultipart(
        {
          patch: { a: 1 },
          quoted: 'x',
          csv: 'a,b\n1,2',
          photo: new Uint8Array([1]),
          typedPhoto: new File(['p'], 'p.jpg', { type: 'image/jpeg' }),
          pages: ['p1', 'p2'],
        },
        { patch: 'application/merge-patch+json', quoted: 'application/json', csv: 'text/csv', photo: 'image/png', typedPhoto: 'image/png', pages: 'text/markdown' },
      ),
    );
    expect(headers).toEqual([
      typed('patch', 'application/merge-patch+json'),
      typed('quoted', 'application/json'),
      typed('csv', 'text/csv'),
      file('photo', 'blob', 'image/png'),
      file('typedPhoto', 'p.jpg', 'image/jpeg'),
      typed('pages', 'text/markdown'),
      typed('pages', 'text/markdown'),
    ]);
    expect(parts).toEqual([
      { name: 'patch', value: '{"a":1}' },
      { name: 'quoted', value: '"x"' },
      { name: 'csv', value: 'a,b\n1,2' },
      { name: 'photo', filename: 'blob', type: 'image/png', bytes: [1] },
      { name: 'typedPhoto', filename: 'p.jpg', type: 'image/jpeg', bytes: text('p') },
      { name: 'pages', value: 'p1' },
      { name: 'pages', value: 'p2' },
    ]);
  });

  it('refuses an object declared as a non-JSON media type', () => {
    expect(() => encodeMultipart({ doc: { a: 1 } }, { doc: 'application/xml' })).toThrow(
      new TypeError('multipart body: property "doc" is declared as application/xml, which an object cannot be written as'),
    );
  });
});

describe('encodeMultipart files', () => {
  it('keeps a File name and type, and honours a {data, name, type} descriptor', async () => {
    const { parts } = await readMultipart(
      encodeMultipart({
        a: new File(['hello'], 'hello.txt', { type: 'text/plain' }),
        b: { data: new Uint8Array([9]), name: 'x.pdf', type: 'application/pdf' },
        c: { data: 'text body', name: 'c.csv', type: 'text/csv' },
        d: { data: new File(['d'], 'inner.bin') },
      }),
    );
    expect(parts).toEqual([
      { name: 'a', filename: 'hello.txt', type: 'text/plain', bytes: text('hello') },
      { name: 'b', filename: 'x.pdf', type: 'application/pdf', bytes: [9] },
      { name: 'c', filename: 'c.csv', type: 'text/csv', bytes: text('text body') },
      { name: 'd', filename: 'inner.bin', type: 'application/octet-stream', bytes: text('d') },
    ]);
  });

  it('sends only the bytes inside a view, not its whole buffer', async () => {
    const buffer = new Uint8Array([0, 1, 2, 3, 4, 5]).buffer;
    const { parts } = await readMultipart(encodeMultipart({ file: new Uint8Array(buffer, 2, 2) }));
    expect(parts).toEqual([{ name: 'file', filename: 'blob', type: 'application/octet-stream', bytes: [2, 3] }]);
  });

  it('sends the bytes as they were when the body was written: later changes to the buffer reach neither the body nor a resend', async () => {
    const bytes = new Uint8Array([0, 1, 2, 3, 4, 5]);
    const body = encodeMultipart({ a: bytes.subarray(1, 3), b: new DataView(bytes.buffer, 3, 2), c: bytes.buffer });
    bytes.fill(9);
    for (let send = 0; send < 2; send++) {
      const { parts } = await readMultipart(body);
      expect(parts).toEqual([
        { name: 'a', filename: 'blob', type: 'application/octet-stream', bytes: [1, 2] },
        { name: 'b', filename: 'blob', type: 'application/octet-stream', bytes: [3, 4] },
        { name: 'c', filename: 'blob', type: 'application/octet-stream', bytes: [0, 1, 2, 3, 4, 5] },
      ]);
    }
  });

  it('sends a view over a SharedArrayBuffer (its window only)', async () => {
    const shared = new Uint8Array(new SharedArrayBuffer(6));
    shared.set([0, 1, 2, 3, 4, 5]);
    const body = encodeMultipart({ file: { data: shared.subarray(2, 5), name: 's.bin' } });
    shared.fill(9);
    const { parts } = await readMultipart(body);
    expect(parts).toEqual([{ name: 'file', filename: 's.bin', type: 'application/octet-stream', bytes: [2, 3, 4] }]);
  });

  it('passes a ready FormData through', () => {
    const form = new FormData();
    form.append('x', '1');
    expect(multipartBodySerializer(form)).toBe(form);
  });
});

describe('with openapi-fetch', () => {
  const capture = () => {
    const seen: Request[] = [];
    const client = createClient<Record<string, never>>({
      baseUrl: 'https://files.example.test',
      headers: { 'Content-Type': 'application/json' },
      fetch: async (request: Request) => {
        seen.push(request);
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      },
    });
    return { seen, client };
  };

  it('multipartBodySerializer with MULTIPART_HEADERS: the body type names the boundary, replacing the client Content-Type', async () => {
    const { seen, client } = capture();
    await client.POST('/v1/files' as never, {
      body: { purpose: 'identity_document', file: new Uint8Array([7, 8]) },
      bodySerializer: multipartBodySerializer,
      headers: MULTIPART_HEADERS,
    } as never);
    const request = seen[0]!;
    const contentType = request.headers.get('content-type') ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=svcgen-/);
    expect(await partsOfWire(await request.arrayBuffer(), contentType)).toEqual([
      { name: 'purpose', value: 'identity_document' },
      { name: 'file', filename: 'blob', type: 'application/octet-stream', bytes: [7, 8] },
    ]);
  });

  it('multipartBodyWith(table) encodes with that table and sends its boundary in the Content-Type', async () => {
    const { seen, client } = capture();
    const request: Record<string, unknown> = { body: { data: { create: true }, meta: { a: 1 } } };
    multipartBodyWith({ data: 'deepObject' })(request, { 'X-Trace': 't', 'content-type': 'application/json' });
    await client.POST('/v1/files' as never, request as never);
    const sent = seen[0]!;
    expect(sent.headers.get('x-trace')).toBe('t');
    const contentType = sent.headers.get('content-type') ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=svcgen-[0-9a-f]{32}$/);
    expect(await partsOfWire(await sent.arrayBuffer(), contentType)).toEqual([
      { name: 'data[create]', value: 'true' },
      { name: 'meta', value: '{"a":1}' },
    ]);
  });

  it('each call of an encoder gets its own boundary', async () => {
    const { seen, client } = capture();
    for (let i = 0; i < 2; i++) {
      const request: Record<string, unknown> = { body: { n: String(i) } };
      multipartBody(request, undefined);
      await client.POST('/v1/files' as never, request as never);
    }
    const [a, b] = seen.map((r) => r.headers.get('content-type'));
    expect(a).not.toBe(b);
    expect(await partsOfWire(await seen[1]!.arrayBuffer(), b!)).toEqual([{ name: 'n', value: '1' }]);
  });

  it("a caller's own FormData goes untouched and fetch writes its boundary; no body sends no Content-Type", async () => {
    const { seen, client } = capture();
    const form = new FormData();
    form.append('x', new Blob(['1'], { type: 'text/plain' }), 'x.txt');
    const withForm: Record<string, unknown> = { body: form };
    multipartBody(withForm, { 'Content-Type': 'application/json' });
    expect(withForm.body).toBe(form);
    await client.POST('/v1/files' as never, withForm as never);
    const contentType = seen[0]!.headers.get('content-type') ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(contentType).not.toContain('svcgen-');
    expect(await partsOfWire(await seen[0]!.arrayBuffer(), contentType)).toEqual([{ name: 'x', filename: 'x.txt', type: 'text/plain', bytes: text('1') }]);

    const empty: Record<string, unknown> = {};
    multipartBody(empty, undefined);
    await client.POST('/v1/files' as never, empty as never);
    // The client's own default Content-Type is removed too: there is no body to describe.
    expect(seen[1]!.headers.get('content-type')).toBeNull();
  });
});
