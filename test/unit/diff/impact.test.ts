// Impact on a consumer project that calls three operations (listWidgets, createWidget, getWidget):
// a change that breaks one of them, one that breaks an operation nobody calls, and a harmless one.
// The report must name the call site (file:line), map the compile error of the regenerated client
// to its change, and exit as --fail-on says.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { baseSpec, CALL_LINES, removeProject, svcgen, tempProject, writeSpec, type Doc } from './project.ts';

// Each case spawns the CLI, loads both specs, generates twice and type-checks twice: seconds each.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 60_000 });

let root: string;
let base: Doc;

beforeAll(() => {
  root = tempProject();
  base = baseSpec(root);
});
afterAll(() => removeProject(root));

function variant(name: string, edit: (doc: Doc) => void): string {
  const doc = structuredClone(base);
  edit(doc);
  return writeSpec(root, `${name}.json`, doc);
}

async function diff(file: string, extra: string[] = []) {
  const outcome = await svcgen(root, ['diff', 'mirror/acme/openapi.yaml', file, '--vendor', 'acme', '--project', '.', ...extra]);
  return outcome;
}

describe('svcgen diff --project', () => {
  it('a new required parameter of a called operation: call site, mapped compile error, exit 1', async () => {
    const file = variant('breaks-called', (d) => d.paths['/v1/widgets/{id}'].get.parameters.push({ name: 'tenant', in: 'query', required: true, schema: { type: 'string' } }));
    const outcome = await diff(file, ['--json']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(1);
    const report = JSON.parse(outcome.stdout);
    const hit = report.impact.hits.find((h: any) => h.change.rule === 'request-parameter-added-required');
    expect(hit.change).toMatchObject({ operation: 'GET /v1/widgets/{id}', function: 'getWidget', breaking: true });
    expect(hit.sites).toContainEqual({ file: 'src/app.ts', line: CALL_LINES.getWidget, name: 'getWidget' });
    expect(report.impact.compileErrors.length).toBeGreaterThan(0);
    for (const error of report.impact.compileErrors) {
      expect(error).toMatchObject({ file: 'src/app.ts', line: CALL_LINES.getWidget });
      expect(error.changes.map((c: any) => c.rule)).toEqual(['request-parameter-added-required']);
    }
    const text = await diff(file);
    expect(text.stdout).toContain(`src/app.ts:${CALL_LINES.getWidget} getWidget`);
    expect(text.stdout).toMatch(new RegExp(`src/app\\.ts:${CALL_LINES.getWidget} TS\\d+: .*← GET /v1/widgets/\\{id\\}: required query parameter 'tenant' added`));
  });

  it('a breaking change to an operation nobody calls is reported but passes, unless --fail-on any', async () => {
    const file = variant('breaks-uncalled', (d) => delete d.paths['/v1/gadgets']);
    const outcome = await diff(file, ['--json']);
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout);
    expect(report.changes).toContainEqual(expect.objectContaining({ kind: 'operation-removed', operation: 'GET /v1/gadgets', function: 'listGadgets', breaking: true }));
    expect(report.impact.hits.filter((h: any) => h.change.breaking)).toEqual([]);
    expect(report.impact.compileErrors).toEqual([]);
    expect((await diff(file, ['--fail-on', 'any'])).code).toBe(1);
  });

  it('a harmless change touching a called operation: reported at its call site, exit 0 (also with --fail-on none)', async () => {
    const file = variant('harmless', (d) => d.paths['/v1/widgets'].get.parameters.push({ name: 'expand', in: 'query', schema: { type: 'string' } }));
    const outcome = await diff(file, ['--json']);
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout);
    const hit = report.impact.hits.find((h: any) => h.change.rule === 'request-parameter-added-optional');
    expect(hit.sites).toContainEqual({ file: 'src/app.ts', line: CALL_LINES.listWidgets, name: 'listWidgets' });
    expect(report.impact.compileErrors).toEqual([]);
    expect((await diff(file, ['--fail-on', 'none'])).code).toBe(0);
    expect((await diff(file, ['--fail-on', 'any'])).code).toBe(1);
  });

  it('a component change reaches the call sites of the operations that return it', async () => {
    const file = variant('component', (d) => delete d.components.schemas.Widget.properties.name);
    const report = JSON.parse((await diff(file, ['--json', '--fail-on', 'none'])).stdout);
    const hit = report.impact.hits.find((h: any) => h.change.rule === 'response-property-removed');
    expect(hit.sites.map((s: any) => s.name)).toEqual(expect.arrayContaining(['getWidget', 'createWidget', 'listWidgets', "components['schemas']['Widget']"]));
  });
});
