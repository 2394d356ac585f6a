// Query parameters whose schema declares a nested value in a flat style (test/fixtures/bracketed-query):
// OpenAPI gives such a value no wire form, the client sends bracket notation, and the manifest
// lists exactly those parameters; flat values, deepObject, a scalar type with stray `properties`
// and an object with no declared members are not listed.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';

const FIXTURE = join(ROOT, 'test/fixtures/bracketed-query/bracketed-query.json');
let project: SpecProject;

beforeAll(async () => {
  project = await createSpecProject('bracketed-query', [{ vendor: 'apps', displayName: 'Apps', example: FIXTURE }]);
}, 120_000);

afterAll(() => project?.remove());

/** The decoded query pairs one call of `GET path` sends. */
async function sentQuery(path: string, init: object): Promise<[string, string][]> {
  const vendor = project.vendors.apps!;
  const seen: string[] = [];
  const fetch = async (request: Request) => (seen.push(request.url), Response.json({}));
  const client = vendor.create({ baseUrl: 'https://api.apps.test', fetch, retry: false, logger: false });
  await vendor.operation('GET', path)(client, init);
  expect(seen).toHaveLength(1);
  return [...new URL(seen[0]!).searchParams];
}

describe('query parameters whose declared value nests, in a style that cannot write it', () => {
  it('are listed in the manifest, and only they', () => {
    const manifest = JSON.parse(readFileSync(join(project.root, 'generated/manifest.json'), 'utf8'));
    expect(manifest.vendors.apps.bracketedQueryParameters).toEqual([
      'GET /apps/{id} fields',
      'GET /apps filters',
      'GET /apps range',
      'GET /apps matrix',
      'GET /apps either',
    ]);
  });

  it('are sent in the bracket notation the listing names', async () => {
    const query = { filters: [{ col: 'name', value: 'x' }], range: { created: { gte: 5 } }, tags: ['a', 'b'], point: { x: 1, y: 2 } };
    expect(await sentQuery('/apps', { params: { query } })).toEqual([
      ['filters[0][col]', 'name'],
      ['filters[0][value]', 'x'],
      ['range[created][gte]', '5'],
      ['tags', 'a'],
      ['tags', 'b'],
      ['x', '1'],
      ['y', '2'],
    ]);
  });

  it('are named on stderr by a one-off generate --spec, which writes no manifest', async () => {
    const bin = join(ROOT, 'bin/svcgen.js');
    const out = join(project.root, 'one-off');
    const { stderr } = await promisify(execFile)(process.execPath, [bin, 'generate', '--spec', FIXTURE, '--vendor', 'apps', '--out', out], { cwd: project.root });
    expect(stderr).toContain('sent in bracket notation (5):\n  GET /apps/{id} fields\n  GET /apps filters\n  GET /apps range\n  GET /apps matrix\n  GET /apps either\n');
  });
});
