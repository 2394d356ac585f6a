// A schema that contains itself outside any object type (a JSON value: a string or an array of
// itself) is TS2502 as openapi-typescript writes it; types.d.ts writes it as an alias naming itself.
// Schemas that refer to themselves only inside an object's members compile as written and stay so.
import { describe, expect, it, vi } from 'vitest';
import { emitTypes } from '../../../generator/emit/types.ts';
import { diagnostics } from './compile-probe.ts';

function documentWith(schemas: Record<string, unknown>): Record<string, unknown> {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas } };
}

// Each case builds a compiler program: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const SELF = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('schemas that contain themselves outside any object type', () => {
  it('become an alias naming itself, and the types accept and reject what the schema does', async () => {
    const text = await emitTypes(documentWith({
      Json: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: SELF('Json') }] },
      'Tree.Node': { type: 'array', items: SELF('Tree.Node') },
    }), 'fixture');
    expect(text).toContain('Json: RecursiveJson;');
    expect(text).toContain('type RecursiveJson = string | number | RecursiveJson[];');
    expect(text).toContain('"Tree.Node": RecursiveTree_Node;');
    expect(text).toContain('type RecursiveTree_Node = RecursiveTree_Node[];');
    const probe = [
      `import type { components } from './types.js';`,
      `export const json: components['schemas']['Json'] = ['a', 1, ['b', [2]]];`,
      `export const tree: components['schemas']['Tree.Node'] = [[], [[]]];`,
      `// @ts-expect-error a boolean is none of the alternatives, at any depth`,
      `export const wrong: components['schemas']['Json'] = ['a', [true]];`,
    ].join('\n');
    expect(diagnostics(text, probe)).toEqual([]);
  });

  it('without the rewrite the same declarations are TS2502 (what openapi-typescript writes)', () => {
    const written = 'export interface components {\n    schemas: {\n        Json: string | number | components["schemas"]["Json"][];\n    };\n}\n';
    expect(diagnostics(written, 'export {};')).toEqual([
      "/p/types.d.ts: TS2502 'Json' is referenced directly or indirectly in its own type annotation.",
    ]);
  });

  it('leaves a schema that refers to itself only inside object members as openapi-typescript writes it', async () => {
    const text = await emitTypes(documentWith({
      Node: { type: 'object', properties: { children: { type: 'array', items: SELF('Node') } } },
      Map: { type: 'object', additionalProperties: SELF('Map') },
    }), 'fixture');
    expect(text).not.toContain('Recursive');
    expect(text).toContain('children?: components["schemas"]["Node"][];');
    expect(diagnostics(text, 'export {};')).toEqual([]);
  });
});
