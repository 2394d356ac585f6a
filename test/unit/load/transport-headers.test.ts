// Header parameters naming a header the HTTP transport writes itself (Content-Length,
// Transfer-Encoding, Keep-Alive, Upgrade, Expect): removed from the operation with a listed
// repair, since any value a caller gives can only match what the transport writes or fail the
// request; other headers, and the shared component, stay.
import { afterEach, describe, expect, it } from 'vitest';
import { OK, oneSpecLoader } from './temp-project.ts';

const spec = oneSpecLoader();
afterEach(() => spec.cleanup());
const load = spec.load;

const string = { type: 'string' };

describe('header parameters the transport writes', () => {
  it('removes them from operations and path items, by name in any case and through $ref, and lists each at the index the spec gives', async () => {
    const loaded = await load({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/uploads/{id}': {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: string },
            { name: 'Transfer-Encoding', in: 'header', schema: string },
          ],
          put: {
            operationId: 'upload',
            parameters: [
              { $ref: '#/components/parameters/Length' },
              { name: 'Upload-Offset', in: 'header', required: true, schema: string },
              { name: 'expect', in: 'header', schema: string },
              { name: 'Connection', in: 'header', schema: string },
            ],
            requestBody: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
            responses: OK,
          },
        },
      },
      components: { parameters: { Length: { name: 'Content-Length', in: 'header', required: true, schema: { type: 'integer' } } } },
    });
    const item = loaded.document.paths['/uploads/{id}'];
    expect(item.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: string }]);
    expect(item.put.parameters.map((p: { name: string }) => p.name)).toEqual(['Upload-Offset', 'Connection']);
    expect(loaded.document.components.parameters.Length.name).toBe('Content-Length');
    expect(loaded.fixes).toEqual([
      {
        file: 'acme/openapi.json',
        pointer: '/paths/~1uploads~1{id}/parameters/1',
        fix: "header parameter 'Transfer-Encoding' removed: a header the HTTP transport writes itself (a value given by hand fails the request or is refused)",
      },
      {
        file: 'acme/openapi.json',
        pointer: '/paths/~1uploads~1{id}/put/parameters/0',
        fix: "header parameter 'Content-Length' removed: a header the HTTP transport writes itself (a value given by hand fails the request or is refused); the spec marks it required",
      },
      {
        file: 'acme/openapi.json',
        pointer: '/paths/~1uploads~1{id}/put/parameters/2',
        fix: "header parameter 'expect' removed: a header the HTTP transport writes itself (a value given by hand fails the request or is refused)",
      },
    ]);
  });

  it('does the same after Swagger 2.0 conversion', async () => {
    const loaded = await load(
      {
        swagger: '2.0',
        info: { title: 't', version: '1' },
        paths: {
          '/files': {
            post: {
              operationId: 'send',
              consumes: ['application/octet-stream'],
              parameters: [
                { name: 'Content-Length', in: 'header', required: true, type: 'integer' },
                { name: 'data', in: 'body', required: true, schema: { type: 'string', format: 'binary' } },
              ],
              responses: { 200: { description: 'ok' } },
            },
          },
        },
      },
      'swagger-2.0',
    );
    expect(loaded.document.paths['/files'].post.parameters ?? []).toEqual([]);
    expect(loaded.fixes.map((fix) => fix.pointer)).toContain('/paths/~1files/post/parameters/0');
  });
});
