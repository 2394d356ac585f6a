// An `x-` key of the Paths Object is an extension, not a path. The loader's repairs and operation
// naming pass it by, and the model read it as a path: an operation under it (with no operationId of
// its own) ended in an internal error (camelCase of undefined). Found by structural mutations of a
// directory spec (gov.bc.ca/open511, a path renamed to `x-y`). The same for the Responses Object:
// openapi-typescript read an `x-` key there as a response (a text value ended in an internal error;
// found by the fixture of the loader's shape test, which only loaded it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusJob } from '../../../bench/corpus/job.ts';
import { ROOT } from '../../../bench/corpus/specs.ts';
import { generateOneOff } from '../../../generator/profile-infer/one-off.ts';
import { readSpecSource } from '../../../generator/profile-infer/sources.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'svcgen-extension-paths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = { responses: { '200': { description: 'ok' } } };

describe('extensions of the Paths Object', () => {
  it('are not read as paths: the one-off generate models the real paths only', async () => {
    const file = path.join(dir, 'spec.json');
    writeFileSync(file, JSON.stringify({ openapi: '3.0.3', info: { title: 'Fixture API', version: '1' }, paths: { '/areas': { get }, 'x-archived': { get } } }));
    const { job } = await generateOneOff('fixture', [await readSpecSource(file, ROOT)], ROOT, corpusJob);
    expect(job.model.operations.map((op) => `${op.method} ${op.path} ${op.id}`)).toEqual(['get /areas getAreas']);
  });
});

describe('extensions of the Responses Object', () => {
  it('are not typed as responses: the one-off generate writes types for the real ones only', async () => {
    const file = path.join(dir, 'responses.json');
    const responses = { '200': { description: 'ok' }, 'x-note': 'not a response', 'x-archived': { description: 'gone', content: { 'application/json': { schema: 1.5 } } } };
    writeFileSync(file, JSON.stringify({ openapi: '3.0.3', info: { title: 'Fixture API', version: '1' }, paths: { '/areas': { get: { responses } } } }));
    const { job } = await generateOneOff('fixture', [await readSpecSource(file, ROOT)], ROOT, corpusJob);
    const types = job.files.find(([name]) => name === 'types.d.ts')?.[1] ?? '';
    expect(types).toContain('200: {');
    expect(types).not.toContain('x-note');
    expect(types).not.toContain('x-archived');
  });
});
