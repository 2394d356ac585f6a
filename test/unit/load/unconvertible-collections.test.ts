// Swagger 2.0 collectionFormats OpenAPI 3 cannot spell outside a form body (tsv anywhere; ssv and
// pipes on a path or header parameter). The converter refused them with a message that named no
// parameter; they are refused first, with the file and the parameter's JSON pointer, and every
// combination OpenAPI 3 can spell still converts (swagger2openapi itself is the oracle for which).
import { afterEach, describe, expect, it } from 'vitest';
import { oneSpecLoader } from './temp-project.ts';
import { inputError } from './expect-input-error.ts';

function swagger(parameter: Record<string, unknown>, shared = false) {
  const array = { type: 'array', items: { type: 'string' }, ...parameter };
  return {
    swagger: '2.0',
    info: { title: 'collections', version: '1' },
    host: 'api.collections.test',
    ...(shared ? { parameters: { Listed: array } } : {}),
    paths: {
      '/things/{p}': {
        get: {
          operationId: 'getThings',
          parameters: [
            ...(parameter.in === 'path' ? [] : [{ name: 'p', in: 'path', required: true, type: 'string' }]),
            shared ? { $ref: '#/parameters/Listed' } : array,
          ],
          responses: { 200: { description: 'ok' } },
        },
      },
    },
  };
}

describe('Swagger 2.0 collectionFormats without an OpenAPI 3 form', () => {
  const spec = oneSpecLoader();
  afterEach(() => spec.cleanup());

  it.each([
    ['query', 'tsv'],
    ['path', 'ssv'],
    ['path', 'pipes'],
    ['path', 'tsv'],
    ['header', 'ssv'],
    ['header', 'pipes'],
  ])('refuses %s %s, naming the file and the parameter', async (where, format) => {
    const name = where === 'path' ? 'p' : 'list';
    const error = await inputError(spec.load(swagger({ name, in: where, required: where === 'path', collectionFormat: format }), 'swagger-2.0'));
    expect(error.file).toBe('acme/openapi.json');
    expect(error.pointer).toBe(where === 'path' ? '/paths/~1things~1{p}/get/parameters/0/collectionFormat' : '/paths/~1things~1{p}/get/parameters/1/collectionFormat');
    expect(error.problem).toContain(`collectionFormat ${format} on the ${where} parameter '${name}' has no OpenAPI 3 form`);
  });

  it('refuses one in the shared parameters at its own place', async () => {
    const error = await inputError(spec.load(swagger({ name: 'list', in: 'header', collectionFormat: 'pipes' }, true), 'swagger-2.0'));
    expect(error.pointer).toBe('/parameters/Listed/collectionFormat');
  });

  it.each([
    ['query', 'csv'],
    ['query', 'ssv'],
    ['query', 'pipes'],
    ['query', 'multi'],
    ['path', 'csv'],
    ['header', 'csv'],
  ])('still converts %s %s', async (where, format) => {
    const name = where === 'path' ? 'p' : 'list';
    const loaded = await spec.load(swagger({ name, in: where, required: where === 'path', collectionFormat: format }), 'swagger-2.0');
    expect(loaded.document.openapi).toMatch(/^3\./);
  });
});
