// Success responses the spec gives no content (test/fixtures/undescribed-body), answered over
// loopback with whatever servers send: a word in text/plain, undeclared JSON, JSON-labelled text,
// a PDF, nothing. The generated call resolves with what the body is, read by its Content-Type;
// openapi-fetch alone parses each body as JSON, and the text answers rejected a successful call
// with a SyntaxError. Operations whose success is described (JSON), has no body (204) or is HEAD
// keep openapi-fetch's own reading.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';

let project: SpecProject;
let server: Server;
let base = '';
/** The next answer: status, Content-Type and body bytes. */
let answer: { status: number; type?: string; body: Uint8Array | string; chunked?: boolean } = { status: 200, body: '' };

beforeAll(async () => {
  project = await createSpecProject('undescribed-body', [{ vendor: 'items', displayName: 'Items', example: join(ROOT, 'test/fixtures/undescribed-body/undescribed-body.json') }]);
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const headers: Record<string, string> = answer.type ? { 'content-type': answer.type } : {};
      // An empty body without Content-Length, as a server streaming its answer sends it.
      if (answer.chunked) headers['transfer-encoding'] = 'chunked';
      response.writeHead(answer.status, headers);
      response.end(request.method === 'HEAD' ? undefined : answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  project?.remove();
  await new Promise((resolve) => server?.close(resolve));
});

function call(method: string, path: string, init: object = {}): Promise<unknown> {
  const vendor = project.vendors.items!;
  const client = vendor.create({ baseUrl: base, retry: false, logger: false });
  return vendor.operation(method, path)(client, init);
}

const item = { params: { path: { id: 'i1' } } };

describe('a success body the spec does not describe', () => {
  it('resolves with the text of a text answer', async () => {
    answer = { status: 200, type: 'text/plain; charset=utf-8', body: 'Deleted' };
    await expect(call('DELETE', '/items/{id}', item)).resolves.toBe('Deleted');
    answer = { status: 202, type: 'text/html', body: '<p>Accepted</p>' };
    await expect(call('POST', '/jobs')).resolves.toBe('<p>Accepted</p>');
  });

  it('resolves with the value of undeclared JSON, and with the text of JSON-labelled text', async () => {
    answer = { status: 200, type: 'application/json', body: '{"deleted":true}' };
    await expect(call('DELETE', '/items/{id}', item)).resolves.toEqual({ deleted: true });
    answer = { status: 202, type: 'application/problem+json', body: '{"queued":1}' };
    await expect(call('POST', '/jobs')).resolves.toEqual({ queued: 1 });
    answer = { status: 200, type: 'application/json', body: 'OK' };
    await expect(call('DELETE', '/items/{id}', item)).resolves.toBe('OK');
  });

  it('resolves with the bytes of anything else, and with nothing for an empty body', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xff, 0x00, 0x0a]);
    answer = { status: 200, type: 'application/pdf', body: pdf };
    const blob = await call('DELETE', '/items/{id}', item);
    expect(blob).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(pdf);
    answer = { status: 200, body: '' };
    await expect(call('DELETE', '/items/{id}', item)).resolves.toBeUndefined();
  });

  it('still fails a call whose answer is an error', async () => {
    answer = { status: 404, type: 'text/plain', body: 'no such item' };
    await expect(call('DELETE', '/items/{id}', item)).rejects.toMatchObject({ status: 404 });
  });

  it('is read this way only where no success response has content and one may carry a body', async () => {
    const js = readFileSync(join(project.root, 'generated/items/operations.js'), 'utf8');
    const meta = (fn: string) => js.match(new RegExp(`const ${fn}Meta = (.*);`))?.[1] ?? '';
    expect(meta('deleteItem')).toContain("parseAs: 'blob', encodePath: $serializePath, decodeBody: $undescribedBody");
    expect(meta('startJob')).toContain("parseAs: 'blob', decodeBody: $undescribedBody");
    for (const fn of ['getItem', 'headItem', 'touchItem']) expect(meta(fn)).not.toMatch(/undescribedBody|parseAs/);
    answer = { status: 200, type: 'application/json', body: '{"id":"i1"}' };
    return expect(call('GET', '/items/{id}', item)).resolves.toEqual({ id: 'i1' });
  });
});

describe('success statuses of which some are described and some are not', () => {
  const report = { params: { path: { id: 'r1' } } };

  it('reads a described status as described, and an undescribed one by its Content-Type', async () => {
    answer = { status: 200, type: 'application/json', body: '{"id":"r1"}' };
    await expect(call('GET', '/reports/{id}', report)).resolves.toEqual({ id: 'r1' });
    answer = { status: 202, type: 'text/plain', body: 'Not ready yet' };
    await expect(call('GET', '/reports/{id}', report)).resolves.toBe('Not ready yet');
    answer = { status: 202, type: 'application/json', body: '{"retryAfter":5}' };
    await expect(call('GET', '/reports/{id}', report)).resolves.toEqual({ retryAfter: 5 });
    answer = { status: 200, type: 'text/csv', body: 'a,b\n1,2\n' };
    await expect(call('POST', '/reports/{id}', report)).resolves.toBe('a,b\n1,2\n');
    answer = { status: 201, type: 'application/octet-stream', body: new Uint8Array([1, 2, 3]) };
    const created = await call('POST', '/reports/{id}', report);
    expect(new Uint8Array(await (created as Blob).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('resolves with nothing for an empty undescribed answer, with or without Content-Length, and for a 204', async () => {
    for (const chunked of [false, true]) {
      answer = { status: 202, body: '', chunked };
      await expect(call('GET', '/reports/{id}', report)).resolves.toBeUndefined();
    }
    answer = { status: 204, body: '' };
    await expect(call('GET', '/reports/{id}', report)).resolves.toBeUndefined();
  });

  it('names the readings in the metadata of exactly those operations', () => {
    const js = readFileSync(join(project.root, 'generated/items/operations.js'), 'utf8');
    const meta = (fn: string) => js.match(new RegExp(`const ${fn}Meta = (.*);`))?.[1] ?? '';
    expect(meta('getReport')).toContain(`parseAs: 'blob', encodePath: $serializePath, decodeBody: /* @__PURE__ */ $statusBody({ '200': 'json' })`);
    expect(meta('renderReport')).toContain(`decodeBody: /* @__PURE__ */ $statusBody({ '200': 'text' })`);
    for (const fn of ['getItem', 'deleteItem', 'startJob']) expect(meta(fn)).not.toContain('statusBody');
    // The call's documentation says which statuses resolve with a body its type does not name.
    const dts = readFileSync(join(project.root, 'generated/items/operations.d.ts'), 'utf8');
    expect(dts).toContain('On 202 (no content in the spec) resolves with the body as sent, read by its Content-Type, which the type does not name.');
    expect(dts).toContain('On 201 (no content in the spec)');
    expect(dts.match(/no content in the spec/g)).toHaveLength(2);
  });

  it('validates the parsed body of a described status, not its bytes', async () => {
    const vendor = project.vendors.items!;
    const { validation } = (await import('../../../runtime/validation.ts')) as typeof import('../../../runtime/validation.ts');
    const { validators } = (await import(pathToFileURL(join(project.root, 'generated/items/schemas.js')).href)) as { validators: Parameters<typeof validation>[0] };
    const client = vendor.create({ baseUrl: base, retry: false, logger: false, validate: validation(validators) });
    answer = { status: 200, type: 'application/json', body: '{"id":"r1"}' };
    await expect(vendor.operation('GET', '/reports/{id}')(client, report)).resolves.toEqual({ id: 'r1' });
    answer = { status: 200, type: 'application/json', body: '{"name":"no id"}' };
    await expect(vendor.operation('GET', '/reports/{id}')(client, report)).rejects.toThrow(/id/);
  });
});
