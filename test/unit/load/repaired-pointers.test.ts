// A refusal found after the loader's repairs names the place in the file a person edits, not the
// place in the repaired document. Found by structural fuzzing of real specs (seeds 331-380, a
// pointer checked against the mutated file): a header parameter the repairs take out (Content-Type)
// shifted the index of every parameter after it, a query string taken out of a path key renamed
// the key, and a path item `$ref` replaced by a copy of its target was reported inside the copy
// (and, later found, a member written beside that `$ref` inside the target).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { specFolder, type SpecFolder } from '../../support/spec-folder.ts';

vi.setConfig({ testTimeout: 60_000 });

const ok = { '200': { description: 'ok' } };

const SPECS: Record<string, { spec: Record<string, unknown>; pointer: string }> = {
  // The schema of the second parameter; the first, a Content-Type header, is taken out.
  'after-removed-header': {
    spec: {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/rules': { get: { parameters: [{ in: 'header', name: 'Content-Type', schema: { type: 'string' } }, { in: 'query', name: 'q', schema: 'x' }], responses: ok } } },
    },
    pointer: '/paths/~1rules/get/parameters/1/schema',
  },
  // The key as the file writes it, query string and all.
  'query-string-key': {
    spec: {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/items?since={since}': { get: { parameters: [{ in: 'query', name: 'since', schema: { type: 'string' } }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: 'x' } } } } } } },
    },
    pointer: '/paths/~1items?since={since}/get/responses/200/content/application~1json/schema',
  },
  // What the path item reference points at, where the fault is written once for every path using it.
  'path-item-ref': {
    spec: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { $ref: '#/components/pathItems/Shared' } },
      components: { pathItems: { Shared: { get: { parameters: [{ in: 'query', name: 'q', schema: 'x' }], responses: ok } } } },
    },
    pointer: '/components/pathItems/Shared/get/parameters/0/schema',
  },
  // A member written beside the path item reference is the referencing path's own (found by a
  // value-type sweep: both were named inside the reference's target, a place without them).
  'beside-path-item-ref-operation': {
    spec: {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { responses: ok } }, '/b': { $ref: '#/paths/~1a', post: { a: 1 } } },
    },
    pointer: '/paths/~1b/post',
  },
  'beside-path-item-ref-parameters': {
    spec: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { $ref: '#/components/pathItems/Shared', parameters: [{ in: 'query', name: 'q', schema: 5 }] } },
      components: { pathItems: { Shared: { get: { responses: ok } } } },
    },
    pointer: '/paths/~1a/parameters/0/schema',
  },
};

let folder: SpecFolder;

beforeAll(() => {
  folder = specFolder('svcgen-repaired-pointers-', Object.fromEntries(Object.entries(SPECS).map(([name, { spec }]) => [name, spec])));
});

afterAll(() => folder.remove());

const generate = (name: string) => folder.generate(name);

describe('refusals after the repairs point into the file as written', () => {
  for (const [name, { pointer }] of Object.entries(SPECS)) {
    it(name, async () => {
      const run = await generate(name);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toMatch(new RegExp(`^svcgen: ${name}\\.json#${pointer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    });
  }
});
