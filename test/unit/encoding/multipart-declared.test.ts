// runtime/encoding/multipart-declared.ts on its own: bodies it writes read back with the RFC 2046
// parser written for the tests (mime-multipart.ts), and the bodies it refuses before sending.
import { describe, expect, it } from 'vitest';
import { encodeDeclaredMultipart, multipartBodyAs } from '../../../runtime/encoding/multipart-declared.ts';
import { parseMultipart, parseParameters, type MimePart } from './mime-multipart.ts';

async function read(blob: Blob) {
  return parseMultipart(await blob.arrayBuffer(), blob.type);
}
const lines = (part: MimePart): string => part.headers.map(([name, value]) => `${name}: ${value}`).join(' | ');
const text = (part: MimePart): string => new TextDecoder().decode(part.bytes);

describe('encodeDeclaredMultipart', () => {
  it('multipart/related: `type` names the root part media type without its parameters; a declared `type` is kept', async () => {
    const textRoot = encodeDeclaredMultipart({ note: 'héllo', data: { a: 1 } }, { type: 'multipart/related', order: ['note', 'data'] }, 'b1');
    expect(textRoot.type).toBe('multipart/related; boundary=b1; type="text/plain"');
    expect((await read(textRoot)).parts.map(lines)).toEqual([
      'Content-Disposition: form-data; name="note" | Content-Type: text/plain; charset=utf-8',
      'Content-Disposition: form-data; name="data" | Content-Type: application/json',
    ]);
    expect(text((await read(textRoot)).parts[0]!)).toBe('héllo');
    const fileRoot = encodeDeclaredMultipart({ doc: new Blob(['<x/>'], { type: 'application/xml; charset=utf-8' }) }, { type: 'multipart/related' }, 'b2');
    expect(parseParameters(fileRoot.type).parameters).toEqual({ boundary: 'b2', type: 'application/xml' });
    const declared = encodeDeclaredMultipart({ doc: new Blob(['x']) }, { type: 'multipart/related; type="application/xop+xml"' }, 'b3');
    expect(declared.type).toBe('multipart/related; type="application/xop+xml"; boundary=b3');
  });

  it('parts follow the declared order, then the properties the schema does not name, in the caller order', async () => {
    const blob = encodeDeclaredMultipart({ extra: 'e', b: 'B', ['__proto__']: 'p', a: 'A' }, { type: 'multipart/mixed', order: ['a', 'b', 'missing'] }, 'b');
    expect((await read(blob)).parts.map((part) => /name="([^"]*)"/.exec(lines(part))![1])).toEqual(['a', 'b', 'extra', '__proto__']);
  });

  it('an array property is one part per item under its name, each typed by its own kind; declared part types and headers apply to each', async () => {
    const blob = encodeDeclaredMultipart(
      { docs: [{ id: 1 }, 'two', new Uint8Array([3])], sheet: 'a,b' },
      { type: 'multipart/mixed', parts: { sheet: 'text/csv' }, headers: { docs: { 'X-Part': 'doc' } } },
      'b',
    );
    const body = await read(blob);
    expect(body.parts.map(lines)).toEqual([
      'Content-Disposition: form-data; name="docs" | Content-Type: application/json | X-Part: doc',
      'Content-Disposition: form-data; name="docs" | Content-Type: text/plain; charset=utf-8 | X-Part: doc',
      'Content-Disposition: form-data; name="docs"; filename="blob" | Content-Type: application/octet-stream | X-Part: doc',
      'Content-Disposition: form-data; name="sheet" | Content-Type: text/csv',
    ]);
    expect(body.parts.map(text).slice(0, 2)).toEqual(['{"id":1}', 'two']);
    expect([...body.parts[2]!.bytes]).toEqual([3]);
  });

  it('multipart/form-data with part headers keeps its own form (a text field names no type) and adds the headers', async () => {
    const blob = encodeDeclaredMultipart({ title: 't', file: new Blob(['x'], { type: 'text/csv' }) }, { type: 'multipart/form-data', headers: { file: { 'X-Kind': 'scan' } } }, 'b');
    expect(blob.type).toBe('multipart/form-data; boundary=b');
    expect((await read(blob)).parts.map(lines)).toEqual([
      'Content-Disposition: form-data; name="title"',
      'Content-Disposition: form-data; name="file"; filename="blob" | Content-Type: text/csv | X-Kind: scan',
    ]);
    const served = await new Response(blob, { headers: { 'content-type': blob.type } }).formData();
    expect(served.get('title')).toBe('t');
  });

  it('refuses what the declared type cannot carry: a FormData (fetch sends it as form-data) or no part at all (RFC 2046)', () => {
    expect(() => encodeDeclaredMultipart(new FormData(), { type: 'multipart/mixed' })).toThrow('multipart/mixed body: a FormData is always sent as multipart/form-data; pass an object of parts');
    expect(() => encodeDeclaredMultipart({}, { type: 'multipart/related' })).toThrow('multipart/related body: RFC 2046 requires at least one part, and the body has none');
    expect(() => encodeDeclaredMultipart({ skipped: undefined }, { type: 'multipart/mixed' })).toThrow('RFC 2046 requires at least one part');
    expect(() => encodeDeclaredMultipart([new Blob(['x'])], { type: 'multipart/mixed' })).toThrow('multipart body: needs an object of parts');
    expect(() => encodeDeclaredMultipart(new Blob(['x']), { type: 'multipart/related', order: ['a', 'b'] })).toThrow('multipart body: needs an object of parts (or a FormData), not a Blob');
  });

  it('multipartBodyAs: the encoder sends the Blob and lets its type be the Content-Type; a FormData stays as given only for form-data', () => {
    const request: Record<string, unknown> = { body: { a: 'x' } };
    multipartBodyAs({ type: 'multipart/mixed' })(request, { 'X-Trace': 't', 'content-type': 'application/json' });
    expect(request.body).toBeInstanceOf(Blob);
    expect((request.body as Blob).type).toMatch(/^multipart\/mixed; boundary=svcgen-[0-9a-f]{32}$/);
    expect(request.headers).toEqual({ 'X-Trace': 't', 'content-type': 'application/json', 'Content-Type': null });
    const form = new FormData();
    const formRequest: Record<string, unknown> = { body: form };
    multipartBodyAs({ type: 'multipart/form-data', headers: { a: { 'X-A': '1' } } })(formRequest, undefined);
    expect(formRequest.body).toBe(form);
  });
});
