// Inside workerd (the Workers runtime users deploy to): the multipart body the runtime writes.
// A part with its own Content-Type and no file name (an object as one application/json part)
// must go out without a `filename` parameter, which server parsers take as the mark of an upload;
// a file part keeps its file name. The control shows why the body is not a FormData: workerd writes
// `filename=""` for a FormData Blob given an empty file name.
import { describe, expect, it } from 'vitest';
import { createVendorClient, type VendorProfile } from '../../runtime/client.ts';
import type { OperationMeta } from '../../runtime/contract.ts';
import { encodeMultipart, multipartBody, multipartBodyWith } from '../../runtime/encoding/multipart.ts';
import { multipartBodyAs } from '../../runtime/encoding/multipart-declared.ts';

/** The body's text (workerd warns when .text() reads a multipart body). */
const textOf = async (body: Request): Promise<string> => new TextDecoder().decode(await body.arrayBuffer());

/** Each part's header lines joined by " | ", and its data, from a body of ASCII text. */
function partsOfText(text: string, contentType: string): { headers: string; data: string }[] {
  const boundary = /boundary=([^;]+)$/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  expect(text.endsWith(`\r\n--${boundary}--\r\n`)).toBe(true);
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [head, data] = part.replace(/^\r\n/, '').replace(/\r\n$/, '').split('\r\n\r\n') as [string, string];
      return { headers: head.split('\r\n').join(' | '), data };
    });
}

const podcastBody = () => ({
  podcast: { name: 'Pod', explicit: false },
  file_logo: new File(['png bytes'], 'logo.png', { type: 'image/png' }),
  count: 2,
});

const expectedParts = [
  { headers: 'Content-Disposition: form-data; name="podcast" | Content-Type: application/json', data: '{"name":"Pod","explicit":false}' },
  { headers: 'Content-Disposition: form-data; name="file_logo"; filename="logo.png" | Content-Type: image/png', data: 'png bytes' },
  { headers: 'Content-Disposition: form-data; name="count"', data: '2' },
];

describe('multipart bodies in workerd', () => {
  it('control: a FormData Blob with an empty file name goes out as filename=""', async () => {
    const form = new FormData();
    form.append('podcast', new Blob(['{}'], { type: 'application/json' }), '');
    const request = new Request('https://api.parts.test/podcasts', { method: 'POST', body: form });
    expect(await textOf(request)).toContain('Content-Disposition: form-data; name="podcast"; filename=""');
  });

  it('encodeMultipart: the JSON part has no filename, the file part keeps its own', async () => {
    const body = encodeMultipart(podcastBody());
    const request = new Request('https://api.parts.test/podcasts', { method: 'POST', body });
    const contentType = request.headers.get('content-type')!;
    expect(contentType).toMatch(/^multipart\/form-data; boundary=svcgen-[0-9a-f]{32}$/);
    const text = await textOf(request);
    expect(partsOfText(text, contentType)).toEqual(expectedParts);
    expect(text).not.toMatch(/name="podcast"; filename/);
  });

  it("workerd's own parser reads the JSON part as a field and the file part as a File", async () => {
    const body = encodeMultipart(podcastBody());
    const form = await new Request('https://api.parts.test/podcasts', { method: 'POST', body }).formData();
    expect(form.get('podcast')).toBe('{"name":"Pod","explicit":false}');
    const logo = form.get('file_logo');
    expect(logo).toBeInstanceOf(File);
    expect({ name: (logo as File).name, type: (logo as File).type, text: await (logo as File).text() }).toEqual({ name: 'logo.png', type: 'image/png', text: 'png bytes' });
    expect(form.get('count')).toBe('2');
  });

  it('through the client and its pipeline: the Content-Type names the boundary, and a retry resends the same body', async () => {
    const seen: { contentType: string | null; text: string }[] = [];
    const fetch = async (request: Request, init?: { body?: ArrayBuffer }) => {
      seen.push({ contentType: request.headers.get('content-type'), text: init?.body ? new TextDecoder().decode(init.body) : await textOf(request) });
      return seen.length === 1 ? new Response('busy', { status: 503 }) : Response.json({ id: 'pod_1' });
    };
    const profile: VendorProfile = {
      vendor: 'parts',
      servers: { prod: 'https://api.parts.test' },
      auth: { kind: 'schemes', schemes: {}, security: [], operations: {} },
      clientHeaders: {},
      callHeaders: {},
      policy: {
        retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1, retryStatuses: [503] },
        rateLimits: { default: { ratePerSecond: 1000, burst: 1000 } },
        breaker: { consecutiveFailures: 100, cooldownMs: 1 },
        timeoutMs: 5000,
      },
    };
    const client = createVendorClient(profile, { fetch, logger: false } as object);
    const meta: OperationMeta = { id: 'createPodcast', method: 'POST', path: '/podcasts', resilience: 'idempotent', idempotency: { kind: 'none' }, encodeBody: multipartBody };
    await expect(client.call(meta, { body: podcastBody() })).resolves.toEqual({ id: 'pod_1' });
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual(seen[0]);
    expect(partsOfText(seen[0]!.text, seen[0]!.contentType!)).toEqual(expectedParts);
  });

  it('raw bytes as a file part: exactly the view\'s window, as it was when the body was written', async () => {
    const bytes = new TextEncoder().encode('xxpng bytesxx');
    const body = encodeMultipart({ file_logo: { data: bytes.subarray(2, 11), name: 'logo.png', type: 'image/png' }, raw: new DataView(bytes.buffer, 0, 2) });
    bytes.fill(0);
    const request = new Request('https://api.parts.test/podcasts', { method: 'POST', body });
    expect(partsOfText(await textOf(request), request.headers.get('content-type')!)).toEqual([
      { headers: 'Content-Disposition: form-data; name="file_logo"; filename="logo.png" | Content-Type: image/png', data: 'png bytes' },
      { headers: 'Content-Disposition: form-data; name="raw"; filename="blob" | Content-Type: application/octet-stream', data: 'xx' },
    ]);
  });

  it('a declared contentType part (multipartBodyWith) has that type and no filename', async () => {
    const options: Record<string, unknown> = { body: { note: { title: 'T' }, table: 'a,b' } };
    multipartBodyWith({ note: 'application/merge-patch+json', table: 'text/csv' })(options, { 'Content-Type': 'application/json' });
    // The inherited Content-Type is removed; the body's own type, with its boundary, takes its place.
    expect(options.headers).toEqual({ 'Content-Type': null });
    const request = new Request('https://api.parts.test/notes', { method: 'POST', body: options.body as Blob });
    const contentType = request.headers.get('content-type')!;
    const text = await textOf(request);
    expect(partsOfText(text, contentType)).toEqual([
      { headers: 'Content-Disposition: form-data; name="note" | Content-Type: application/merge-patch+json', data: '{"title":"T"}' },
      { headers: 'Content-Disposition: form-data; name="table" | Content-Type: text/csv', data: 'a,b' },
    ]);
  });

  it('a multipart/related body (multipartBodyAs) goes out under that type, its root type named, the root first', async () => {
    const options: Record<string, unknown> = { body: { media: new File(['png bytes'], 'cat.png', { type: 'image/png' }), metadata: { name: 'cat.png' } } };
    multipartBodyAs({ type: 'multipart/related', order: ['metadata', 'media'] })(options, { 'Content-Type': 'application/json' });
    const request = new Request('https://api.parts.test/upload', { method: 'POST', body: options.body as Blob });
    const contentType = request.headers.get('content-type')!;
    const boundary = /^multipart\/related; boundary=(svcgen-[0-9a-f]{32}); type="application\/json"$/.exec(contentType)?.[1];
    expect(boundary, contentType).toBeDefined();
    expect(partsOfText(await textOf(request), `multipart/related; boundary=${boundary}`)).toEqual([
      { headers: 'Content-Disposition: form-data; name="metadata" | Content-Type: application/json', data: '{"name":"cat.png"}' },
      { headers: 'Content-Disposition: form-data; name="media"; filename="cat.png" | Content-Type: image/png', data: 'png bytes' },
    ]);
  });
});
