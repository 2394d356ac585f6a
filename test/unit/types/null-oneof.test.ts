// test/fixtures/null-oneof: schemas typed only "null" beside oneOf/anyOf alternatives, one of them
// an array of the schema itself. Read literally (what openapi-typescript writes) the self-reference
// is an alias tsc refuses (TS2502); svcgen reads each as "null or one of them", lists the repair
// with file and pointer, and its output compiles. The types and the zod validators then accept and
// reject the same values.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { runBatch } from '../../../bench/corpus/batch.ts';
import type { SpecResult } from '../../../bench/corpus/results.ts';
import { ROOT } from '../../../bench/corpus/specs.ts';
import { BIN } from '../../support/cli.ts';
import { loadSchemasModule, type SchemasModule } from '../zod/support.ts';
import { probeErrorLines } from './compile-probe.ts';

const ID = 'null-oneof.json';
const DISPLAY = 'test/fixtures/null-oneof/null-oneof.json';
const BASE = path.join(ROOT, 'test/.work/null-oneof');
const OUT = path.join(BASE, ID);

let result: SpecResult;

beforeAll(async () => {
  await rm(BASE, { recursive: true, force: true });
  const file = path.join(ROOT, DISPLAY);
  const batch = await runBatch([{ id: ID, file, display: DISPLAY, bytes: readFileSync(file).length }], {
    base: BASE,
    tools: ['svcgen', 'ots'],
    threads: 1,
    timeoutMs: 120_000,
  });
  result = batch.results[0]!;
}, 300_000);

describe('type "null" beside oneOf/anyOf', () => {
  it('is refused by tsc as openapi-typescript writes it (the literal reading)', () => {
    expect(result.ots.status).toBe('generated');
    expect(result.otsTypes?.some((line) => /TS2502: 'ItemValue' is referenced directly or indirectly in its own type annotation/.test(line))).toBe(true);
  });

  it('generates output that compiles, types and zod module alike', () => {
    expect(result.svcgen.message ?? '', 'generation').toBe('');
    expect(result.svcgen.status).toBe('generated');
    expect(result.types, 'client and types').toEqual([]);
    expect(result.zod, 'zod module').toEqual([]);
  });

  it('types and zod validators accept and reject the same values, null included', { timeout: 60_000 }, () => {
    const zod: SchemasModule = loadSchemasModule(readFileSync(path.join(OUT, 'zod/schemas.ts'), 'utf8'));
    const response = (zod['GetItemValidator'] as { responses: Record<string, ZodType> }).responses['200']!;
    const targets: { type: string; schema: ZodType; wrap: (value: string) => string; wrapValue: (value: unknown) => unknown }[] = [
      { type: `components['schemas']['ItemValue']`, schema: zod['ItemValue'] as ZodType, wrap: (v) => v, wrapValue: (v) => v },
      { type: `components['schemas']['OwnerId']`, schema: zod['OwnerId'] as ZodType, wrap: (v) => v, wrapValue: (v) => v },
      {
        type: `operations['getItem']['responses'][200]['content']['application/json']`,
        schema: response,
        wrap: (v) => `{ key: 'k', value: null, assignedAt: ${v} }`,
        wrapValue: (v) => ({ key: 'k', value: null, assignedAt: v }),
      },
    ];
    const values: unknown[] = [null, 'owner-1', 2, true, {}, [], [null, 'a', [1, [false]]]];
    const cases = targets.flatMap((target) => values.map((value) => ({ target, value })));
    const probe = [
      `import type { components, operations } from './types.js';`,
      ...cases.map(({ target, value }, index) => `export const case${index}: ${target.type} = ${target.wrap(JSON.stringify(value))};`),
    ].join('\n');
    const rejectedByTypes = probeErrorLines(readFileSync(path.join(OUT, 'svcgen', 'types.d.ts'), 'utf8'), probe);
    const verdicts = cases.map(({ target, value }, index) => ({
      type: target.type,
      value: JSON.stringify(value),
      types: !rejectedByTypes.has(index + 2),
      zod: target.schema.safeParse(target.wrapValue(value)).success,
    }));
    expect(verdicts.filter((verdict) => verdict.types !== verdict.zod)).toEqual([]);
    const accepted = (type: string) => verdicts.filter((verdict) => verdict.type === type && verdict.zod).map((verdict) => verdict.value);
    expect(accepted(targets[0]!.type)).toEqual(values.map((value) => JSON.stringify(value)));
    expect(accepted(targets[1]!.type)).toEqual(['null', '"owner-1"', '2']);
    expect(accepted(targets[2]!.type)).toEqual(['null', '2', 'true']);
  });

  it('lists each repair with file and pointer in `generate --spec` output', async () => {
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [BIN, 'generate', '--spec', DISPLAY, '--vendor', 'nulloneof', '--out', path.join(BASE, 'cli')], { cwd: ROOT }, (error, _stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr });
      });
    });
    expect(run.code).toBe(0);
    const listed = run.stderr.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim().split(': ')[0]);
    expect(run.stderr).toMatch(/^repaired in the spec \(3\):$/m);
    expect(listed).toEqual([
      `${DISPLAY}#/paths/~1items~1{key}/get/responses/200/content/application~1json/schema/properties/assignedAt/type`,
      `${DISPLAY}#/components/schemas/ItemValue/type`,
      `${DISPLAY}#/components/schemas/OwnerId/type`,
    ]);
    expect(run.stderr).toContain('#/components/schemas/ItemValue/type: type "null" beside oneOf admits no value (null matches none of the 5 alternatives)');
  }, 120_000);
});
