// A request body on GET or HEAD: fetch refuses to build such a Request, so the loader removes the
// body and lists the removal (saying so when the spec marks it required); other methods keep theirs.
import { afterEach, describe, expect, it } from 'vitest';
import { OK, oneSpecLoader } from './temp-project.ts';

const spec = oneSpecLoader();
afterEach(() => spec.cleanup());
const load = spec.load;

const form = { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { q: { type: 'string' } } } } } };

describe('request bodies on GET and HEAD', () => {
  it('removes them, lists each removal, says when the spec required one, and leaves other methods and the referenced component alone', async () => {
    const loaded = await load({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/items': {
          get: { operationId: 'listItems', requestBody: form, responses: OK },
          post: { operationId: 'createItem', requestBody: form, responses: OK },
          delete: { operationId: 'deleteItems', requestBody: form, responses: OK },
        },
        '/items/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          head: { operationId: 'headItem', requestBody: { $ref: '#/components/requestBodies/Search' }, responses: OK },
        },
      },
      components: { requestBodies: { Search: { ...form, required: true } } },
    });
    const paths = loaded.document.paths;
    expect(paths['/items'].get.requestBody).toBeUndefined();
    expect(paths['/items/{id}'].head.requestBody).toBeUndefined();
    expect(paths['/items'].post.requestBody).toEqual(form);
    expect(paths['/items'].delete.requestBody).toEqual(form);
    expect(loaded.document.components.requestBodies.Search).toBeDefined();
    expect(loaded.fixes).toEqual([
      { file: 'acme/openapi.json', pointer: '/paths/~1items/get/requestBody', fix: 'request body of a GET operation removed: fetch cannot send a body with GET or HEAD' },
      {
        file: 'acme/openapi.json',
        pointer: '/paths/~1items~1{id}/head/requestBody',
        fix: 'request body of a HEAD operation removed: fetch cannot send a body with GET or HEAD; the spec marks it required, and the operation is generated without it',
      },
    ]);
  });

  it('does the same for a Swagger 2.0 body parameter on GET (after conversion)', async () => {
    const loaded = await load(
      {
        swagger: '2.0',
        info: { title: 't', version: '1' },
        paths: { '/search': { get: { operationId: 'search', parameters: [{ name: 'filter', in: 'body', required: true, schema: { type: 'object' } }], responses: { 200: { description: 'ok' } } } } },
      },
      'swagger-2.0',
    );
    expect(loaded.document.paths['/search'].get.requestBody).toBeUndefined();
    expect(loaded.fixes.filter((fix) => fix.pointer === '/paths/~1search/get/requestBody').map((fix) => fix.fix)).toEqual([
      'request body of a GET operation removed: fetch cannot send a body with GET or HEAD; the spec marks it required, and the operation is generated without it',
    ]);
  });
});
