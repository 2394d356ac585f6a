// encodeMultipart and its openapi-fetch wiring; the comparison with stripe-node's multipart body
// as an oracle is in multipart.stripe.test.ts.
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { MULTIPART_HEADERS, encodeMultipart, multipartBodySerializer } from '../../../runtime/encoding/multipart.ts';
import { partsOf, partsOfWire } from './multipart-parts.ts';

describe('encodeMultipart', () => {
  it('writes scalars, bracketed nested fields and a file from bytes', async () => {
    const form = encodeMultipart({
      purpose: 'dispute_evidence',
      file: new Uint8Array([1, 2, 3]),
      file_link_data: { create: true, expires_at: new Date(2_000_000), metadata: { k: 'v' } },
      skipped: undefined,
      cleared: null,
    });
    expect(await partsOf(form)).toEqual([
      { name: 'purpose', value: 'dispute_evidence' },
      { name: 'file', filename: 'blob', type: 'application/octet-stream', bytes: [1, 2, 3] },
      { name: 'file_link_data[create]', value: 'true' },
      { name: 'file_link_data[expires_at]', value: '2000' },
      { name: 'file_link_data[metadata][k]', value: 'v' },
      { name: 'cleared', value: '' },
    ]);
  });

  it('keeps a File name and type, and honours a {data, name, type} descriptor', async () => {
    const form = encodeMultipart({
      a: new File(['hello'], 'hello.txt', { type: 'text/plain' }),
      b: { data: new Uint8Array([9]), name: 'x.pdf', type: 'application/pdf' },
      c: { data: 'text body', name: 'c.csv', type: 'text/csv' },
    });
    expect(await partsOf(form)).toEqual([
      { name: 'a', filename: 'hello.txt', type: 'text/plain', bytes: [...new TextEncoder().encode('hello')] },
      { name: 'b', filename: 'x.pdf', type: 'application/pdf', bytes: [9] },
      { name: 'c', filename: 'c.csv', type: 'text/csv', bytes: [...new TextEncoder().encode('text body')] },
    ]);
  });

  it('sends only the bytes inside a view, not its whole buffer', async () => {
    const buffer = new Uint8Array([0, 1, 2, 3, 4, 5]).buffer;
    const form = encodeMultipart({ file: new Uint8Array(buffer, 2, 2) });
    expect(await partsOf(form)).toEqual([{ name: 'file', filename: 'blob', type: 'application/octet-stream', bytes: [2, 3] }]);
  });

  it('indexes arrays and finds files nested in them', async () => {
    const form = encodeMultipart({ tags: ['a', 'b'], docs: [{ file: new Blob(['z'], { type: 'image/png' }) }] });
    const parts = await partsOf(form);
    expect(parts.map((p) => p.name)).toEqual(['tags[0]', 'tags[1]', 'docs[0][file]']);
    expect(parts[2]).toMatchObject({ type: 'image/png', bytes: [122] });
  });

  it('passes a ready FormData through', () => {
    const form = new FormData();
    form.append('x', '1');
    expect(multipartBodySerializer(form)).toBe(form);
  });
});

describe('with openapi-fetch', () => {
  it('lets fetch write the boundary even when the client sets a Content-Type', async () => {
    const seen: Request[] = [];
    const client = createClient<Record<string, never>>({
      baseUrl: 'https://files.example.test',
      headers: { 'Content-Type': 'application/json' },
      fetch: async (request: Request) => {
        seen.push(request);
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      },
    });
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
});
