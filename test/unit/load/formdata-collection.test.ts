// Swagger 2.0 formData arrays through the conversion: swagger2openapi alone loses their
// collectionFormat (and refuses ssv/pipes/tsv); convertSwagger2 writes each one back as the
// converted body's `encoding` entry, and the model reads those entries (model/collection-format.ts),
// from a converted spec or from an OpenAPI 3 spec that writes them itself.
import { createRequire } from 'node:module';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { convertSwagger2 } from '../../../generator/load/convert-swagger2.ts';
import { collectionFormatOf, formFields } from '../../../generator/model/collection-format.ts';
import { multipartParts } from '../../../generator/model/multipart-parts.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/formdata-collection/swagger.json', import.meta.url));
const fixture = async (): Promise<Record<string, any>> => JSON.parse(await readFile(FIXTURE, 'utf8'));

const swagger2openapi = createRequire(import.meta.url)('swagger2openapi') as {
  convertObj(swagger: object, options: object): Promise<Record<string, any>>;
};
const plainConversion = (swagger: object) =>
  swagger2openapi.convertObj(swagger, { patch: false, warnOnly: false, anchors: true, resolve: false, direct: true, text: ' ' });

const EXPECTED_ENCODING = {
  default_csv: { style: 'form', explode: false },
  csv: { style: 'form', explode: false },
  ssv: { style: 'spaceDelimited', explode: false },
  tsv: { 'x-collectionFormat': 'tsv' },
  pipes: { style: 'pipeDelimited', explode: false },
  multi: { style: 'form', explode: true },
};

let cacheDir: string | undefined;
afterEach(async () => {
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  cacheDir = undefined;
});

describe('swagger2openapi alone (why the formats are carried around it)', () => {
  it('refuses a formData ssv array', async () => {
    await expect(plainConversion(await fixture())).rejects.toThrow('collectionFormat:ssv is no longer supported except for in:query parameters');
  });

  it('converts csv and multi formData arrays without an encoding: the format is lost', async () => {
    const swagger = await fixture();
    const search = swagger.paths['/search'].post;
    search.parameters = search.parameters.filter((p: { name: string }) => ['q', 'csv', 'multi'].includes(p.name));
    delete swagger.paths['/uploads'];
    const converted = await plainConversion(swagger);
    expect(converted.paths['/search'].post.requestBody.content['application/x-www-form-urlencoded'].encoding).toBeUndefined();
  });
});

describe('convertSwagger2 with formData arrays', () => {
  it('writes each array format as the encoding entry of its urlencoded or multipart body, and lists no fix', async () => {
    const { document, fixes } = await convertSwagger2(await fixture(), 'formdata/swagger.json');
    expect(fixes).toEqual([]);
    expect(document.paths['/search'].post.requestBody.content['application/x-www-form-urlencoded'].encoding).toEqual(EXPECTED_ENCODING);
    expect(document.paths['/uploads'].post.requestBody.content['multipart/form-data'].encoding).toEqual(EXPECTED_ENCODING);
    expect(document.paths['/notes'].post.requestBody.content['application/x-www-form-urlencoded'].encoding).toBeUndefined();
  });

  it('gives the same document when the conversion comes from the cache', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'svcgen-formdata-'));
    const first = await convertSwagger2(await fixture(), 'formdata/swagger.json', cacheDir);
    const second = await convertSwagger2(await fixture(), 'formdata/swagger.json', cacheDir);
    expect(await readdir(path.join(cacheDir, 'converted'))).toHaveLength(1);
    expect(second.document).toEqual(first.document);
    expect(second.document.paths['/search'].post.requestBody.content['application/x-www-form-urlencoded'].encoding).toEqual(EXPECTED_ENCODING);
  });

  it('follows #/parameters references and path-level parameters, an operation parameter overriding one of the path', async () => {
    const swagger = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      parameters: { ids: { name: 'ids', in: 'formData', type: 'array', collectionFormat: 'pipes', items: { type: 'integer' } } },
      paths: {
        '/things': {
          parameters: [{ name: 'tags', in: 'formData', type: 'array', collectionFormat: 'ssv', items: { type: 'string' } }],
          post: {
            consumes: ['application/x-www-form-urlencoded'],
            parameters: [{ $ref: '#/parameters/ids' }, { name: 'tags', in: 'formData', type: 'array', collectionFormat: 'multi', items: { type: 'string' } }],
            responses: { 200: { description: 'ok' } },
          },
          put: { consumes: ['application/x-www-form-urlencoded'], parameters: [{ $ref: '#/parameters/ids' }], responses: { 200: { description: 'ok' } } },
        },
      },
    };
    const { document } = await convertSwagger2(swagger, 'x.json');
    const encoding = (method: string) => document.paths['/things'][method].requestBody.content['application/x-www-form-urlencoded'].encoding;
    expect(encoding('post')).toEqual({ ids: { style: 'pipeDelimited', explode: false }, tags: { style: 'form', explode: true } });
    expect(encoding('put')).toEqual({ ids: { style: 'pipeDelimited', explode: false }, tags: { style: 'spaceDelimited', explode: false } });
  });

  it('a body the converter shared keeps the entries when its operations agree, and is copied per operation when they do not', async () => {
    const array = (name: string, collectionFormat: string) => ({ name, in: 'formData', type: 'array', collectionFormat, items: { type: 'string' } });
    const post = (operationId: string, parameter: object) => ({
      post: { operationId, consumes: ['application/x-www-form-urlencoded'], parameters: [parameter], responses: { 200: { description: 'ok' } } },
    });
    const swagger = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': post('a', array('tags', 'csv')),
        '/b': post('b', array('tags', 'pipes')),
        '/d': post('d', array('ids', 'multi')),
        '/e': post('e', array('ids', 'multi')),
      },
    };
    const { document } = await convertSwagger2(swagger, 'x.json');
    const body = (p: string) => document.paths[p].post.requestBody;
    expect(body('/d')).toEqual({ $ref: '#/components/requestBodies/d' });
    expect(body('/e')).toEqual({ $ref: '#/components/requestBodies/d' });
    expect(document.components.requestBodies.d.content['application/x-www-form-urlencoded'].encoding).toEqual({ ids: { style: 'form', explode: true } });
    expect(body('/a').content['application/x-www-form-urlencoded'].encoding).toEqual({ tags: { style: 'form', explode: false } });
    expect(body('/b').content['application/x-www-form-urlencoded'].encoding).toEqual({ tags: { style: 'pipeDelimited', explode: false } });
    // The body /a and /b shared is referenced by nothing now.
    expect(Object.keys(document.components.requestBodies)).toEqual(['d']);
  });

  it('leaves query arrays to the converter', async () => {
    const swagger = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: { '/q': { get: { parameters: [{ name: 'ids', in: 'query', type: 'array', collectionFormat: 'pipes', items: { type: 'string' } }], responses: { 200: { description: 'ok' } } } } },
    };
    const { document } = await convertSwagger2(swagger, 'x.json');
    expect(document.paths['/q'].get.parameters[0]).toMatchObject({ name: 'ids', in: 'query', style: 'pipeDelimited' });
  });
});

describe('the model reads the encoding entries', () => {
  const doc = { components: { schemas: { Tags: { type: 'array', items: { type: 'string' } } } } };
  const arraySchema = { type: 'array', items: { type: 'string' } };

  it('names the format of an array property, with explode defaulting as for parameters', () => {
    expect(collectionFormatOf(doc, { style: 'form' }, arraySchema)).toBe('multi');
    expect(collectionFormatOf(doc, { explode: false }, arraySchema)).toBe('csv');
    expect(collectionFormatOf(doc, { style: 'spaceDelimited' }, arraySchema)).toBe('ssv');
    expect(collectionFormatOf(doc, { style: 'pipeDelimited', explode: true }, arraySchema)).toBe('multi');
    expect(collectionFormatOf(doc, { 'x-collectionFormat': 'tsv' }, { $ref: '#/components/schemas/Tags' })).toBe('tsv');
    expect(collectionFormatOf(doc, { style: 'form', explode: false }, { type: ['array', 'null'], items: {} })).toBe('csv');
  });

  it('names none for deepObject, a content type only, or a property that is not an array', () => {
    expect(collectionFormatOf(doc, { style: 'deepObject', explode: true }, arraySchema)).toBeUndefined();
    expect(collectionFormatOf(doc, { contentType: 'text/plain' }, arraySchema)).toBeUndefined();
    expect(collectionFormatOf(doc, { style: 'form', explode: false }, { type: 'object' })).toBeUndefined();
    expect(collectionFormatOf(doc, { style: 'form', explode: false }, undefined)).toBeUndefined();
  });

  it('urlencoded: every named format is a field (multi included); multipart: every one but multi is a part', () => {
    const mediaType = {
      schema: { type: 'object', properties: { a: arraySchema, b: arraySchema, c: arraySchema, d: { type: 'string' }, e: arraySchema } },
      encoding: { a: { style: 'form', explode: false }, b: { style: 'form', explode: true }, c: { style: 'deepObject', explode: true }, d: { style: 'form', explode: false }, e: { 'x-collectionFormat': 'tsv' } },
    };
    expect(formFields(doc, mediaType)).toEqual({ a: 'csv', b: 'multi', e: 'tsv' });
    expect(multipartParts(doc, mediaType)).toEqual({ a: 'csv', c: 'deepObject', e: 'tsv' });
    // Without a styled entry an urlencoded array of scalars takes OpenAPI's default, style form with explode.
    expect(formFields(doc, { schema: mediaType.schema })).toEqual({ a: 'multi', b: 'multi', c: 'multi', e: 'multi' });
    expect(formFields(doc, { schema: mediaType.schema, encoding: { c: { style: 'deepObject' } } })).toEqual({ a: 'multi', b: 'multi', e: 'multi' });
  });
});
