// encodeMultipart and its openapi-fetch wiring: OpenAPI's default part types, and the departures a
// part table names (bracket-named deepObject fields, a declared contentType). The comparison with
// stripe-node's multipart body is in multipart.stripe.test.ts; the generator's tables and the
// generated client, with @hey-api's serializer as a second implementation, in
// multipart-encoding.test.ts.
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { MULTIPART_HEADERS, encodeMultipart, multipartBodySerializer, multipartBodyWith } from '../../../runtime/encoding/multipart.ts';
import { partHeadersOfWire, partsOf, partsOfWire } from './multipart-parts.ts';

const text = (s: string) => [...new TextEncoder().encode(s)];
/** A part FormData holds as a Blob with no file name: a typed field, not a file. */
const typed = (name: string, type: string, body: string) => ({ name, filename: '', type, bytes: text(body) });

describe('encodeMultipart with OpenAPI defaults (no encoding entry)', () => {
  it('sends scalars as text, an object as ONE application/json part, bytes as a file', async () => {
    const form = encodeMultipart({
      purpose: 'dispute_evidence',
      count: 3,
      file: new Uint8Array([1, 2, 3]),
      podcast: { name: 'Pod', at: new Date(2_000_000), tags: ['a'] },
      skipped: undefined,
      cleared: null,
    });
    expect(await partsOf(form)).toEqual([
      { name: 'purpose', value: 'dispute_evidence' },
      { name: 'count', value: '3' },
      { name: 'file', filename: 'blob', type: 'application/octet-stream', bytes: [1, 2, 3] },
      typed('podcast', 'application/json', '{"name":"Pod","at":"1970-01-01T00:33:20.000Z","tags":["a"]}'),
      { name: 'cleared', value: '' },
    ]);
  });

  it('repeats the property name for each array item; object items are JSON parts, file items files', async () => {
    const form = encodeMultipart({
      tags: ['a', 'b'],
      episodes: [{ n: 1 }, { n: 2 }],
      files: [new Blob(['z'], { type: 'image/png' }), new Uint8Array([9])],
      empty: [],
    });
    expect(await partsOf(form)).toEqual([
      { name: 'tags', value: 'a' },
      { name: 'tags', value: 'b' },
      typed('episodes', 'application/json', '{"n":1}'),
      typed('episodes', 'application/json', '{"n":2}'),
      { name: 'files', filename: 'blob', type: 'image/png', bytes: [122] },
      { name: 'files', filename: 'blob', type: 'application/octet-stream', bytes: [9] },
    ]);
  });

  it('refuses a file inside a JSON part, naming the property and where the file is', () => {
    expect(() => encodeMultipart({ podcast: { name: 'x', logo: new Blob(['png']) } })).toThrow(
      new TypeError('multipart body: property "podcast" is sent as one application/json part, which cannot carry the file at podcast.logo; send files as top-level properties of the body'),
    );
    expect(() => encodeMultipart({ docs: [{ ok: 1 }, { pages: [new Uint8Array([1])] }] })).toThrow(/property "docs\[1\]" .* the file at docs\[1\]\.pages\[0\]/);
  });

  it('on the wire (undici), a JSON part carries its Content-Type and no filename, so a server reads a field', async () => {
    const request = new Request('https://x.test', { method: 'POST', body: encodeMultipart({ podcast: { name: 'Pod' }, file: new Uint8Array([1]) }) });
    const contentType = request.headers.get('content-type')!;
    const body = await request.arrayBuffer();
    expect(partHeadersOfWire(body, contentType)).toEqual([
      ['Content-Disposition: form-data; name="podcast"', 'Content-Type: application/json'],
      ['Content-Disposition: form-data; name="file"; filename="blob"', 'Content-Type: application/octet-stream'],
    ]);
    // undici's own parser: a part without filename is a string field, a part with one a File.
    expect(await partsOfWire(body, contentType)).toEqual([
      { name: 'podcast', value: '{"name":"Pod"}' },
      { name: 'file', filename: 'blob', type: 'application/octet-stream', bytes: [1] },
    ]);
  });
});

describe('encodeMultipart with a part table', () => {
  it('deepObject: bracket-named fields, indexed arrays, files nested in them still files', async () => {
    const form = encodeMultipart(
      {
        purpose: 'dispute_evidence',
        file_link_data: { create: true, expires_at: new Date(2_000_000), metadata: { k: 'v' } },
        expand: ['a', 'b'],
        docs: [{ file: new Blob(['z'], { type: 'image/png' }) }],
      },
      { file_link_data: 'deepObject', expand: 'deepObject', docs: 'deepObject' },
    );
    const parts = await partsOf(form);
    expect(parts.slice(0, 6)).toEqual([
      { name: 'purpose', value: 'dispute_evidence' },
      { name: 'file_link_data[create]', value: 'true' },
      { name: 'file_link_data[expires_at]', value: '2000' },
      { name: 'file_link_data[metadata][k]', value: 'v' },
      { name: 'expand[0]', value: 'a' },
      { name: 'expand[1]', value: 'b' },
    ]);
    expect(parts[6]).toMatchObject({ name: 'docs[0][file]', type: 'image/png', bytes: [122] });
  });

  it('a declared contentType: JSON types get JSON text, other types the text, files lacking a type get it', async () => {
    const form = encodeMultipart(
      {
        patch: { a: 1 },
        quoted: 'x',
        csv: 'a,b\n1,2',
        photo: new Uint8Array([1]),
        typedPhoto: new File(['p'], 'p.jpg', { type: 'image/jpeg' }),
        pages: ['p1', 'p2'],
      },
      { patch: 'application/merge-patch+json', quoted: 'application/json', csv: 'text/csv', photo: 'image/png', typedPhoto: 'image/png', pages: 'text/markdown' },
    );
    expect(await partsOf(form)).toEqual([
      typed('patch', 'application/merge-patch+json', '{"a":1}'),
      typed('quoted', 'application/json', '"x"'),
      typed('csv', 'text/csv', 'a,b\n1,2'),
      { name: 'photo', filename: 'blob', type: 'image/png', bytes: [1] },
      { name: 'typedPhoto', filename: 'p.jpg', type: 'image/jpeg', bytes: text('p') },
      typed('pages', 'text/markdown', 'p1'),
      typed('pages', 'text/markdown', 'p2'),
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
    const form = encodeMultipart({
      a: new File(['hello'], 'hello.txt', { type: 'text/plain' }),
      b: { data: new Uint8Array([9]), name: 'x.pdf', type: 'application/pdf' },
      c: { data: 'text body', name: 'c.csv', type: 'text/csv' },
    });
    expect(await partsOf(form)).toEqual([
      { name: 'a', filename: 'hello.txt', type: 'text/plain', bytes: text('hello') },
      { name: 'b', filename: 'x.pdf', type: 'application/pdf', bytes: [9] },
      { name: 'c', filename: 'c.csv', type: 'text/csv', bytes: text('text body') },
    ]);
  });

  it('sends only the bytes inside a view, not its whole buffer', async () => {
    const buffer = new Uint8Array([0, 1, 2, 3, 4, 5]).buffer;
    const form = encodeMultipart({ file: new Uint8Array(buffer, 2, 2) });
    expect(await partsOf(form)).toEqual([{ name: 'file', filename: 'blob', type: 'application/octet-stream', bytes: [2, 3] }]);
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

  it('lets fetch write the boundary even when the client sets a Content-Type', async () => {
    const { seen, client } = capture();
    await client.POST('/v1/files' as never, {
      body: { purpose: 'identity_document', file: new Uint8Array([7, 8]) },
      bodySerializer: multipartBodySerializer,
      headers: MULTIPART_HEADERS,
    } as never);
    const request = seen[0]!;
    const contentType = request.headers.get('content-type') ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(await partsOfWire(await request.arrayBuffer(), contentType)).toEqual([
      { name: 'purpose', value: 'identity_document' },
      { name: 'file', filename: 'blob', type: 'application/octet-stream', bytes: [7, 8] },
    ]);
  });

  it('multipartBodyWith(table) encodes with that table and drops the inherited Content-Type', async () => {
    const { seen, client } = capture();
    const request: Record<string, unknown> = { body: { data: { create: true }, meta: { a: 1 } } };
    multipartBodyWith({ data: 'deepObject' })(request, { 'X-Trace': 't' });
    await client.POST('/v1/files' as never, request as never);
    const sent = seen[0]!;
    expect(sent.headers.get('x-trace')).toBe('t');
    const contentType = sent.headers.get('content-type') ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(await partsOfWire(await sent.arrayBuffer(), contentType)).toEqual([
      { name: 'data[create]', value: 'true' },
      { name: 'meta', value: '{"a":1}' },
    ]);
  });
});
