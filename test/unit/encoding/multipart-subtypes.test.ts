// Request bodies declared as a multipart type other than multipart/form-data, from the spec to the
// wire through the real CLI and the generated client (test/fixtures/multipart-subtypes/openapi.json).
// The bytes sent are read back with an RFC 2046 parser written for the tests (mime-multipart.ts),
// and Prism validates them against the fixture: alone it checks the media type (415 for any
// other), and with the harness's multipart reading (test/contract/prism-multipart.ts) each part
// against its property's schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSvcgen } from '../../support/cli.ts';
import { startPrism, type PrismServer } from '../../support/prism.ts';
import { PRISM_FIXES } from '../../contract/prism-fixes.ts';
import { header, parseMultipart, parseParameters, type MimePart } from './mime-multipart.ts';
import { fixtureVendor } from './sent-request.ts';
import { bundleOperation } from './worker-bundle.ts';
import type { SpecProject } from '../auth/spec-project.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/multipart-subtypes/openapi.json', import.meta.url));
const fixture = fixtureVendor('multipart-subtypes', 'subtypes', 'Subtypes', FIXTURE);

const text = (part: MimePart): string => new TextDecoder().decode(part.bytes);
const headerLines = (part: MimePart): string[] => part.headers.map(([name, value]) => `${name}: ${value}`);

describe('multipart/related', () => {
  it('goes out as multipart/related with its boundary and the root type, the root (first declared property) first', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    // The caller names the media first; the spec declares the metadata first, so it is the root.
    const sent = await fixture.send('/upload/files', { media: new File([png], 'cat.png', { type: 'image/png' }), metadata: { name: 'cat.png', parents: ['root'] } });
    const { value, parameters } = parseParameters(sent.contentType);
    expect(value).toBe('multipart/related');
    expect(Object.keys(parameters).sort()).toEqual(['boundary', 'type']);
    expect(parameters.type).toBe('application/json');
    const body = parseMultipart(sent.body, sent.contentType);
    expect(body.parts.map(headerLines)).toEqual([
      ['Content-Disposition: form-data; name="metadata"', 'Content-Type: application/json'],
      ['Content-Disposition: form-data; name="media"; filename="cat.png"', 'Content-Type: image/png'],
    ]);
    expect(JSON.parse(text(body.parts[0]!))).toEqual({ name: 'cat.png', parents: ['root'] });
    expect([...body.parts[1]!.bytes]).toEqual([...png]);
  });
});

describe('multipart/mixed', () => {
  it('goes out as multipart/mixed, every part typed: text as UTF-8 text/plain, objects as JSON, the declared type, bytes as given', async () => {
    const sent = await fixture.send('/messages', {
      count: 3,
      attachments: [new Uint8Array([1, 2, 3]), new Blob(['%PDF'], { type: 'application/pdf' })],
      historyMetadata: '<history/>',
      address: { city: 'Zürich' },
      id: '0b6f5c3e-9d1a-4c1e-8f00-000000000001',
    });
    const { value, parameters } = parseParameters(sent.contentType);
    expect(value).toBe('multipart/mixed');
    expect(Object.keys(parameters)).toEqual(['boundary']);
    const body = parseMultipart(sent.body, sent.contentType);
    expect(body.parts.map(headerLines)).toEqual([
      ['Content-Disposition: form-data; name="id"', 'Content-Type: text/plain; charset=utf-8'],
      ['Content-Disposition: form-data; name="address"', 'Content-Type: application/json'],
      ['Content-Disposition: form-data; name="historyMetadata"', 'Content-Type: application/xml; charset=utf-8'],
      ['Content-Disposition: form-data; name="attachments"; filename="blob"', 'Content-Type: application/octet-stream', 'X-Part-Kind: attachment'],
      ['Content-Disposition: form-data; name="attachments"; filename="blob"', 'Content-Type: application/pdf', 'X-Part-Kind: attachment'],
      ['Content-Disposition: form-data; name="count"', 'Content-Type: text/plain; charset=utf-8'],
    ]);
    expect(body.parts.map((part) => (header(part, 'content-type')!.startsWith('application/') && !header(part, 'content-type')!.includes('json') && !header(part, 'content-type')!.includes('xml') ? [...part.bytes] : text(part)))).toEqual([
      '0b6f5c3e-9d1a-4c1e-8f00-000000000001',
      '{"city":"Zürich"}',
      '<history/>',
      [1, 2, 3],
      [...new TextEncoder().encode('%PDF')],
      '3',
    ]);
  });
});

describe('bundling', () => {
  it('a Worker calling such an operation bundles runtime/encoding/multipart-declared.ts (form-data ones do not: bundle-selection.test.ts)', async () => {
    const project = { root: fixture.root, vendors: { subtypes: fixture.vendor } } as unknown as SpecProject;
    const { modules } = await bundleOperation(project, 'subtypes', 'Subtypes', 'POST', '/upload/files');
    expect(modules).toEqual(expect.arrayContaining(['runtime/encoding/multipart-declared.ts', 'runtime/encoding/multipart.ts']));
  });
});

describe('a part header the client cannot send as declared', () => {
  it('refuses generation (exit 2) at the header, in the file that declares it, and writes nothing', async () => {
    const spec = fileURLToPath(new URL('../../fixtures/multipart-subtypes/required-part-header.json', import.meta.url));
    const work = mkdtempSync(join(tmpdir(), 'svcgen-part-header-'));
    try {
      const result = await runSvcgen(work, ['generate', '--spec', spec, '--vendor', 'trial', '--out', join(work, 'out')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `${spec}#/components/headers/Location: POST /reports: part header 'Content-Location' of 'report' is required, but its schema allows more than one value and the generated client has no input for it`,
      );
      expect(existsSync(join(work, 'out'))).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('Prism validates what the generated client sends', () => {
  let plain: PrismServer;
  let fixed: PrismServer;
  beforeAll(async () => {
    [plain, fixed] = await Promise.all([startPrism(FIXTURE), startPrism(FIXTURE, { imports: [...PRISM_FIXES] })]);
  }, 240_000);
  afterAll(async () => {
    await Promise.all([plain?.stop(), fixed?.stop()]);
  });

  const call = (server: PrismServer, path: string, body: object) => {
    const client = fixture.vendor.create({ baseUrl: server.url, retry: false, logger: false });
    return fixture.vendor.operation('POST', path)(client, { body });
  };
  const upload = { media: new File(['png'], 'cat.png', { type: 'image/png' }), metadata: { name: 'cat.png' } };
  const message = { id: '0b6f5c3e-9d1a-4c1e-8f00-000000000001', address: { city: 'Bern' }, attachments: [new Uint8Array([1])], count: 2 };

  it('accepts each body under its declared media type, part by part', async () => {
    await expect(call(fixed, '/upload/files', upload)).resolves.toBeDefined();
    await expect(call(fixed, '/messages', message)).resolves.toBeDefined();
  });

  it('still reports a part that breaks its schema, or a required part left out', async () => {
    await expect(call(fixed, '/upload/files', { ...upload, metadata: { parents: ['x'] } })).rejects.toMatchObject({ status: 422 });
    await expect(call(fixed, '/messages', { ...message, address: { town: 'Bern' } })).rejects.toMatchObject({ status: 422 });
    await expect(call(fixed, '/messages', { ...message, count: 'many' })).rejects.toMatchObject({ status: 422 });
    await expect(call(fixed, '/messages', { address: { city: 'Bern' } })).rejects.toMatchObject({ status: 422 });
  });

  it('Prism alone takes the media type and reads no part (why test/contract/prism-multipart.ts reads them)', async () => {
    const error = await call(plain, '/upload/files', upload).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, body: { validation: [expect.objectContaining({ message: 'Request body must be object' })] } });
  });
});
