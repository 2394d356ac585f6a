// Schemas the type generator cannot read are refused when the spec is loaded (exit 2, the file and
// the pointer of the offending value), not met later as a crash in emit.
import { afterEach, describe, expect, it } from 'vitest';
import { loadVendor } from '../../../generator/load/index.ts';
import { inputError } from './expect-input-error.ts';
import { OK, openapi, tempProject } from './temp-project.ts';
import type { TempProject } from './temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

const options = (p: TempProject) => ({ root: p.root, mirror: p.mirror, download: false });
const bodyOf = (schema: unknown) => ({
  '/things': { post: { operationId: 'createThing', requestBody: { content: { 'application/json': { schema } } }, responses: OK } },
});

async function load(paths: Record<string, unknown>, schemas: Record<string, unknown>) {
  project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: openapi(paths, schemas) }] } });
  return loadVendor('acme', options(project));
}

describe('schema shapes the types cannot be generated from', () => {
  it('an object schema whose enum lists strings names the first such value', async () => {
    const schemas = { Group: { type: 'object', description: 'a group', enum: ['CAR', 'VAN'], properties: { name: { type: 'string' } } } };
    const error = await inputError(load(bodyOf({ $ref: '#/components/schemas/Group' }), schemas));
    expect(error.file).toBe('acme/openapi.json');
    expect(error.pointer).toBe('/components/schemas/Group/enum/0');
    expect(error.problem).toBe('enum value "CAR" is not an object, but the schema\'s type is object: no value can match');
  });

  it('a bare string where oneOf expects schemas', async () => {
    const error = await inputError(load(bodyOf({ oneOf: ['Thing', { type: 'object' }] }), {}));
    expect(error.pointer).toBe('/paths/~1things/post/requestBody/content/application~1json/schema/oneOf/0');
    expect(error.problem).toBe('expected a schema (an object), found the string "Thing"');
  });

  it("a bare string as a property's schema, items or a parameter's schema", async () => {
    let error = await inputError(load({}, { A: { type: 'object', properties: { id: { type: 'string' }, name: 'string' } } }));
    expect(error.pointer).toBe('/components/schemas/A/properties/name');
    error = await inputError(load({}, { A: { type: 'array', items: 'string' } }));
    expect(error.pointer).toBe('/components/schemas/A/items');
    error = await inputError(load({ '/a': { get: { operationId: 'getA', parameters: [{ name: 'q', in: 'query', schema: 'string' }], responses: OK } } }, {}));
    expect(error.pointer).toBe('/paths/~1a/get/parameters/0/schema');
  });

  it('leaves alone what only looks alike: boolean schemas, properties named like keywords, data, extensions', async () => {
    const schemas = {
      A: {
        type: 'object',
        additionalProperties: false,
        properties: {
          items: { type: 'string' },
          enum: { type: 'array', items: { type: 'string' } },
          schema: { type: 'string' },
          oneOf: { type: 'string', example: ['x'] },
        },
        example: { oneOf: 'not a schema', items: 'data' },
        default: { items: 'data' },
        'x-vendor': { items: 'not ours' },
      },
      Choice: { type: 'object', nullable: true, enum: [{ kind: 'a' }, { kind: 'b' }, null] },
      Tuple: { type: 'array', items: [{ type: 'string' }, true] },
      Name: { type: 'string', enum: ['a', 'b'] },
    };
    const loaded = await load(bodyOf({ $ref: '#/components/schemas/A' }), schemas);
    expect(Object.keys(loaded.document.components.schemas)).toEqual(['A', 'Choice', 'Tuple', 'Name']);
  });
});
