// A parameter whose `in` OpenAPI 3 does not define is refused with its place. Before, it went
// through (exit 0) and the model, which reads only query, header, path and cookie, left it out of
// the generated client without a word, a required one included (found by structural fuzzing of
// real specs, seeds 331-380: `in` set to "x", "" or "{id}"). A Swagger 2.0 file's formData and
// body parameters are the converter's to read, and still generate.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { specFolder, type SpecFolder } from '../../support/spec-folder.ts';

vi.setConfig({ testTimeout: 60_000 });

const ok = { '200': { description: 'ok' } };
const info = { title: 't', version: '1' };

const SPECS: Record<string, Record<string, unknown>> = {
  // A Swagger 2.0 location left in a 3.0 file, after a Content-Type header the repairs take out.
  'operation-formdata': {
    openapi: '3.0.3',
    info,
    paths: { '/upload': { post: { parameters: [{ in: 'header', name: 'Content-Type', schema: { type: 'string' } }, { in: 'formData', name: 'file', required: true, schema: { type: 'string' } }], responses: ok } } },
  },
  'component-typo': {
    openapi: '3.1.0',
    info,
    paths: { '/items': { get: { parameters: [{ $ref: '#/components/parameters/Limit' }], responses: ok } } },
    components: { parameters: { Limit: { in: 'querry', name: 'limit', schema: { type: 'integer' } } } },
  },
  'swagger2-formdata': {
    swagger: '2.0',
    info,
    host: 'api.example.test',
    paths: { '/upload': { post: { operationId: 'upload', consumes: ['multipart/form-data'], parameters: [{ in: 'formData', name: 'file', type: 'file', required: true }], responses: ok } } },
  },
};

let folder: SpecFolder;

beforeAll(() => {
  folder = specFolder('svcgen-parameter-locations-', SPECS);
});

afterAll(() => folder.remove());

const generate = (name: string) => folder.generate(name);

describe('a parameter location OpenAPI 3 does not define', () => {
  it('is refused at its `in`, in the file as written', async () => {
    const run = await generate('operation-formdata');
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('svcgen: operation-formdata.json#/paths/~1upload/post/parameters/1/in: a parameter\'s `in` must be query, header, path or cookie in OpenAPI 3, found "formData"');
  });

  it('is refused in components too', async () => {
    const run = await generate('component-typo');
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('svcgen: component-typo.json#/components/parameters/Limit/in: a parameter\'s `in` must be query, header, path or cookie in OpenAPI 3, found "querry"');
  });

  it('leaves a Swagger 2.0 file\'s formData parameter to the converter', async () => {
    const run = await generate('swagger2-formdata');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
