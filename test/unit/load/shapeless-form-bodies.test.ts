// A form or multipart body is a list of named fields; a spec that declares one as a string, an
// array or a number names none. The loader types such a body as an object of fields and lists
// the repair; an urlencoded string (the form text itself) and object-like schemas stay as written.
import { afterEach, describe, expect, it } from 'vitest';
import { OK, oneSpecLoader } from './temp-project.ts';

const spec = oneSpecLoader();
afterEach(() => spec.cleanup());
const load = spec.load;

const FIELDS = { type: 'object', additionalProperties: true };
const body = (mediaType: string, schema: unknown) => ({ content: { [mediaType]: { schema } } });

describe('form bodies whose schema names no fields', () => {
  it('types a multipart string, binary string or array and an urlencoded array or integer as an object of fields, listing each', async () => {
    const loaded = await load({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/card': { post: { operationId: 'card', requestBody: body('multipart/form-data', { type: 'string', description: 'The recipe' }), responses: OK } },
        '/upload': { post: { operationId: 'upload', requestBody: body('multipart/form-data', { type: 'string', format: 'binary' }), responses: OK } },
        '/ids': { post: { operationId: 'ids', requestBody: { $ref: '#/components/requestBodies/Ids' }, responses: OK } },
        '/ids-again': { put: { operationId: 'idsAgain', requestBody: { $ref: '#/components/requestBodies/Ids' }, responses: OK } },
        '/convert': { post: { operationId: 'convert', requestBody: body('application/x-www-form-urlencoded', { type: 'integer', format: 'int32' }), responses: OK } },
        '/tags': { post: { operationId: 'tags', requestBody: body('multipart/form-data', { $ref: '#/components/schemas/Tags' }), responses: OK } },
      },
      components: {
        requestBodies: { Ids: body('application/x-www-form-urlencoded', { type: 'array', items: { type: 'integer' } }) },
        schemas: { Tags: { type: 'array', items: { type: 'string' } } },
      },
    });
    const paths = loaded.document.paths;
    expect(paths['/card'].post.requestBody.content['multipart/form-data'].schema).toEqual({ ...FIELDS, description: 'The recipe' });
    expect(paths['/upload'].post.requestBody.content['multipart/form-data'].schema).toEqual(FIELDS);
    expect(loaded.document.components.requestBodies.Ids.content['application/x-www-form-urlencoded'].schema).toEqual(FIELDS);
    expect(paths['/convert'].post.requestBody.content['application/x-www-form-urlencoded'].schema).toEqual(FIELDS);
    expect(paths['/tags'].post.requestBody.content['multipart/form-data'].schema).toEqual(FIELDS);
    // The component schema stays: other places may use it.
    expect(loaded.document.components.schemas.Tags).toEqual({ type: 'array', items: { type: 'string' } });
    const listed = loaded.fixes.filter((fix) => fix.fix.includes('which names no'));
    expect(listed).toEqual([
      { file: 'acme/openapi.json', pointer: '/paths/~1card/post/requestBody/content/multipart~1form-data/schema', fix: 'multipart request body schema has type string, which names no parts; typed as an object whose properties are the parts (their names are not in the spec)' },
      { file: 'acme/openapi.json', pointer: '/paths/~1upload/post/requestBody/content/multipart~1form-data/schema', fix: 'multipart request body schema has type string (format binary), which names no parts; typed as an object whose properties are the parts (their names are not in the spec)' },
      { file: 'acme/openapi.json', pointer: '/components/requestBodies/Ids/content/application~1x-www-form-urlencoded/schema', fix: 'urlencoded request body schema has type array, which names no fields; typed as an object whose properties are the fields (their names are not in the spec)' },
      { file: 'acme/openapi.json', pointer: '/paths/~1convert/post/requestBody/content/application~1x-www-form-urlencoded/schema', fix: 'urlencoded request body schema has type integer (format int32), which names no fields; typed as an object whose properties are the fields (their names are not in the spec)' },
      { file: 'acme/openapi.json', pointer: '/paths/~1tags/post/requestBody/content/multipart~1form-data/schema', fix: 'multipart request body schema has type array (#/components/schemas/Tags), which names no parts; typed as an object whose properties are the parts (their names are not in the spec)' },
    ]);
  });

  it('leaves an urlencoded string, object-like and untyped schemas, and JSON bodies as written', async () => {
    const kept = {
      '/text': body('application/x-www-form-urlencoded', { type: 'string' }),
      '/object': body('multipart/form-data', { type: 'object', properties: { file: { type: 'string', format: 'binary' } } }),
      '/all-of': body('multipart/form-data', { allOf: [{ $ref: '#/components/schemas/Named' }] }),
      '/untyped': body('multipart/form-data', { description: 'anything' }),
      '/nullable': body('application/x-www-form-urlencoded', { type: ['object', 'null'], properties: { q: { type: 'string' } } }),
      '/json': body('application/json', { type: 'array', items: { type: 'string' } }),
    };
    const paths = Object.fromEntries(Object.entries(kept).map(([path, requestBody], i) => [path, { post: { operationId: `op${i}`, requestBody: structuredClone(requestBody), responses: OK } }]));
    const loaded = await load({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths, components: { schemas: { Named: { type: 'object', properties: { name: { type: 'string' } } } } } }, 'openapi-3.1');
    for (const [path, requestBody] of Object.entries(kept)) expect(loaded.document.paths[path].post.requestBody).toEqual(requestBody);
    expect(loaded.fixes.filter((fix) => fix.fix.includes('which names no'))).toEqual([]);
  });
});
