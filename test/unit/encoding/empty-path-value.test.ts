// A path parameter whose spec lists '' as a value (a "no filter" segment): the generator decides
// it from the schema (listsEmptyString), and the operation's serializer sends '' for that
// parameter only, with every other check of the strict serializer kept. The operations here are
// those of a hand-made spec (test/fixtures/s12-empty-path): the names come from its schemas.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPathSerializer } from 'openapi-fetch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listsEmptyString } from '../../../generator/model/empty-path-values.ts';
import { serializePath, serializePathAllowingEmpty } from '../../../runtime/encoding/path.ts';
import { ROOT } from '../auth/spec-project.ts';

const spec = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/s12-empty-path/empty-path.json'), 'utf8'));

/** The path parameters of the spec's `GET path` whose schema lists '', and the serializer made for them. */
function operation(path: string) {
  const item = spec.paths[path];
  const params: { name: string; in: string; schema: unknown }[] = [...(item.parameters ?? []), ...(item.get.parameters ?? [])];
  const names = params.filter((p) => p.in === 'path' && listsEmptyString(spec, p.schema)).map((p) => p.name);
  return { names, serialize: serializePathAllowingEmpty(names) };
}

describe('a path parameter whose enum lists the empty string', () => {
  const jobs = operation('/api/v1/jobs/{state}');

  it("is chosen from the spec and sends '' as an empty segment, as openapi-fetch's serializer writes it", () => {
    expect(jobs.names).toEqual(['state']);
    expect(jobs.serialize('/api/v1/jobs/{state}', { state: '' })).toBe('/api/v1/jobs/');
    expect(defaultPathSerializer('/api/v1/jobs/{state}', { state: '' })).toBe('/api/v1/jobs/');
    expect(new URL(jobs.serialize('https://api.example.test/api/v1/jobs/{state}', { state: '' })).pathname).toBe('/api/v1/jobs/');
    expect(jobs.serialize('/api/v1/jobs/{state}', { state: 'active' })).toBe('/api/v1/jobs/active');
    // The strict serializer every other operation keeps still refuses it.
    expect(() => serializePath('/api/v1/jobs/{state}', { state: '' })).toThrow('path parameter "state" is empty');
  });

  it('still refuses dot segments, a missing value, and an array or object with nothing in it', () => {
    for (const state of ['.', '..']) expect(() => jobs.serialize('/api/v1/jobs/{state}', { state })).toThrow('path parameter "state" cannot be a dot segment');
    expect(() => jobs.serialize('/api/v1/jobs/{state}', {})).toThrow('path parameter "state" is missing');
    expect(() => jobs.serialize('/api/v1/jobs/{state}', { state: null })).toThrow('path parameter "state" is missing');
    for (const state of [[''], [], {}]) expect(() => jobs.serialize('/api/v1/jobs/{state}', { state })).toThrow('path parameter "state" is empty');
  });

  it("writes every value other than '' exactly as the strict serializer does", () => {
    const value = fc.oneof(fc.string(), fc.constantFrom('.', '..', '%2E%2E', '/', undefined, null), fc.integer(), fc.array(fc.string()), fc.dictionary(fc.string(), fc.string()));
    fc.assert(
      fc.property(value, (state) => {
        fc.pre(state !== '');
        const run = (serialize: typeof serializePath) => {
          try {
            return serialize('/api/v1/jobs/{state}/x', { state });
          } catch (error) {
            return `threw ${(error as Error).message}`;
          }
        };
        expect(run(jobs.serialize)).toBe(run(serializePath));
      }),
    );
  });

  it("is chosen through a $ref to an anyOf whose alternative lists ''; the path's other parameter still refuses ''", () => {
    const queueJobs = operation('/queues/{queue}/jobs/{state}');
    expect(queueJobs.names).toEqual(['state']);
    expect(queueJobs.serialize('/queues/{queue}/jobs/{state}', { queue: 'mail', state: '' })).toBe('/queues/mail/jobs/');
    expect(() => queueJobs.serialize('/queues/{queue}/jobs/{state}', { queue: '', state: '' })).toThrow('path parameter "queue" is empty');
    expect(() => queueJobs.serialize('/queues/{queue}/jobs/{state}', { queue: '', state: 'active' })).toThrow('path parameter "queue" is empty');
  });

  it('is not chosen for a plain string, which admits the empty string only implicitly', () => {
    expect(operation('/items/{id}').names).toEqual([]);
  });
});

describe('listsEmptyString', () => {
  const doc = {
    components: {
      schemas: {
        Loop: { anyOf: [{ $ref: '#/components/schemas/Loop' }] },
        Empty: { const: '' },
      },
    },
  };

  it("reads '' from an enum, a const, and anyOf/oneOf alternatives (through $refs)", () => {
    expect(listsEmptyString(doc, { type: 'string', enum: ['a', ''] })).toBe(true);
    expect(listsEmptyString(doc, { const: '' })).toBe(true);
    expect(listsEmptyString(doc, { oneOf: [{ type: 'integer' }, { $ref: '#/components/schemas/Empty' }] })).toBe(true);
    expect(listsEmptyString(doc, { anyOf: [{ enum: ['x'] }, { anyOf: [{ enum: [''] }] }] })).toBe(true);
  });

  it("does not open anything else: no '' listed, an allOf (not read), a non-string, a cycle, a dangling $ref", () => {
    expect(listsEmptyString(doc, { type: 'string' })).toBe(false);
    expect(listsEmptyString(doc, { type: 'string', enum: ['a', ' '] })).toBe(false);
    expect(listsEmptyString(doc, { const: 0 })).toBe(false);
    expect(listsEmptyString(doc, { enum: [null, 0, false] })).toBe(false);
    expect(listsEmptyString(doc, { allOf: [{ type: 'string' }, { enum: [''] }] })).toBe(false);
    expect(listsEmptyString(doc, { $ref: '#/components/schemas/Loop' })).toBe(false);
    expect(listsEmptyString(doc, { $ref: '#/components/schemas/Missing' })).toBe(false);
    expect(listsEmptyString(doc, undefined)).toBe(false);
  });
});
