// Impact of a change on an operation whose operationId contains `#`: openapi-typescript keys it in
// `operations` with `/` instead (generator/emit/types-key.ts), so a consumer writes
// `operations['Widgets/get']`, and the report must find that use from the spec's `Widgets#get`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { baseSpec, removeProject, repin, svcgen, tempProject, writeSpec, type Doc } from './project.ts';

// Spawns the CLI, which loads both specs, generates twice and type-checks twice: seconds.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 60_000 });

const CONSUMER = `// Uses an operation's types by its key in openapi-typescript's \`operations\`.
import type { operations } from '../generated/acme/index.ts';

export type WidgetPath = operations['Widgets/get']['parameters']['path']; // line 4
`;
const USE_LINE = 4;

let root: string;
let base: Doc;

beforeAll(() => {
  root = tempProject('svcgen-diff-hash-id-');
  base = baseSpec(root);
  base.paths['/v1/widgets/{id}'].get.operationId = 'Widgets#get';
  repin(root, base);
  writeFileSync(join(root, 'src/types-use.ts'), CONSUMER);
});
afterAll(() => removeProject(root));

describe('svcgen diff --project with a # in an operationId', () => {
  it("names the consumer's operations['Widgets/get'] use for a change to Widgets#get", async () => {
    const changed = structuredClone(base);
    changed.paths['/v1/widgets/{id}'].get.parameters.push({ name: 'tenant', in: 'query', required: true, schema: { type: 'string' } });
    const file = writeSpec(root, 'hash-id-changed.json', changed);
    const outcome = await svcgen(root, ['diff', 'mirror/acme/openapi.yaml', file, '--vendor', 'acme', '--project', '.', '--json', '--fail-on', 'none']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout);
    const hit = report.impact.hits.find((h: any) => h.change.rule === 'request-parameter-added-required');
    expect(hit?.change).toMatchObject({ operation: 'GET /v1/widgets/{id}' });
    expect(hit.sites).toContainEqual({ file: 'src/types-use.ts', line: USE_LINE, name: "operations['Widgets/get']" });
  });
});
