// A file the server sends in one of several formats, text among them (a report as CSV, PDF or
// XLSX: every type listed, one binary schema). The client asked for text/plain only and read the
// answer as text, so a PDF answer came back corrupted (its bytes decoded as UTF-8). It now asks for
// every listed type and resolves with the bytes as they came, a Blob, typed Blob. A text body whose
// schema is text (not binary) is still read as text.
import { describe, expect, it } from 'vitest';
import { fixtureVendor } from '../encoding/sent-request.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('../../fixtures/file-formats/openapi.json', import.meta.url));
// Not UTF-8: decoded as text, these bytes become replacement characters.
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0xff, 0x00, 0x80]);

describe('a file offered in several formats', () => {
  const fixture = fixtureVendor('file-formats', 'fileformats', 'FileFormats', FIXTURE);

  async function call(path: string, answer: { body: BodyInit; type: string }) {
    const accepts: (string | null)[] = [];
    const fetch = async (request: Request) => (accepts.push(request.headers.get('accept')), new Response(answer.body, { headers: { 'content-type': answer.type } }));
    const client = fixture.vendor.create({ baseUrl: 'https://api.fileformats.test', fetch, retry: false, logger: false });
    const result = await fixture.vendor.operation('GET', path)(client, { params: { path: { id: 'r1' } } });
    return { result, accept: accepts[0] };
  }

  it('asks for every listed type and resolves with the bytes of a PDF answer, whole', async () => {
    const { result, accept } = await call('/reports/{id}/content', { body: PDF, type: 'application/pdf' });
    expect(accept).toBe('application/octet-stream, application/pdf, text/plain');
    expect(result).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (result as Blob).arrayBuffer())).toEqual(PDF);
  });

  it('resolves with a Blob for a CSV answer too, its text intact', async () => {
    const { result } = await call('/reports/{id}/content', { body: 'a,b\n1,2\n', type: 'text/plain' });
    expect(result).toBeInstanceOf(Blob);
    expect(await (result as Blob).text()).toBe('a,b\n1,2\n');
  });

  it('is typed Blob', () => {
    const types = readFileSync(`${fixture.root}/generated/fileformats/types.d.ts`, 'utf8');
    expect(types).toMatch(/"application\/pdf": Blob;/);
    expect(types).toMatch(/"text\/plain": Blob;/);
  });

  it('a text body whose schema is text is still read as text', async () => {
    const { result } = await call('/notes/{id}', { body: 'hello', type: 'text/plain' });
    expect(result).toBe('hello');
  });
});
