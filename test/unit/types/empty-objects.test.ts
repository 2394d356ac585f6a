// An object schema with no `properties` and no `additionalProperties` admits any object (JSON
// Schema), as the zod validators do; the types (from the typing document, where
// generator/model/open-objects.ts marks such schemas open) must let a caller send keys there.
import { describe, expect, it, vi } from 'vitest';
import { emitTypes } from '../../../generator/emit/types.ts';
import { openEmptyObjects } from '../../../generator/model/open-objects.ts';
import { diagnostics } from './compile-probe.ts';

vi.setConfig({ testTimeout: 60_000 });

const document = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/contacts': {
      post: {
        operationId: 'CreateContact',
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { email: { type: 'string' }, custom_fields: { type: 'object' }, closed: { type: 'object', additionalProperties: false } },
              },
            },
          },
        },
        responses: { '204': { description: 'created' } },
      },
    },
  },
};

describe('object schemas without properties', () => {
  it('take any keys in a request body, and additionalProperties: false still takes none', async () => {
    const text = await emitTypes(openEmptyObjects(document), 'fixture');
    const probe = [
      `import type { operations } from './types.js';`,
      `type Body = NonNullable<operations['CreateContact']['requestBody']>['content']['application/json'];`,
      `export const body: Body = { email: 'a@example.com', custom_fields: { plan: 'pro', seats: 3 } };`,
      `// @ts-expect-error a custom field must be an object`,
      `export const wrong: Body = { custom_fields: 'plan' };`,
      `// @ts-expect-error additionalProperties: false admits no key`,
      `export const closed: Body = { closed: { key: 1 } };`,
    ].join('\n');
    expect(diagnostics(text, probe)).toEqual([]);
  });
});

describe('openEmptyObjects', () => {
  it('opens object schemas without properties, wherever they sit, and nothing else', () => {
    const doc = {
      components: {
        schemas: {
          Bare: { type: 'object' },
          NoProperties: { type: 'object', properties: {}, description: 'x' },
          Closed: { type: 'object', additionalProperties: false },
          Typed: { type: 'object', additionalProperties: { type: 'string' } },
          Composed: { type: 'object', allOf: [{ $ref: '#/components/schemas/Bare' }] },
          Holder: {
            type: 'object',
            // A property may be named like a data keyword; its value is still a schema.
            properties: { example: { type: 'object' }, inner: { type: 'array', items: { type: 'object' } } },
            example: { type: 'object' },
          },
        },
      },
    };
    const before = JSON.stringify(doc);
    const out = openEmptyObjects(doc) as typeof doc;
    const schemas = out.components.schemas as Record<string, any>;
    expect(schemas.Bare).toEqual({ type: 'object', additionalProperties: true });
    expect(schemas.NoProperties.additionalProperties).toBe(true);
    expect(schemas.Holder.properties.example.additionalProperties).toBe(true);
    expect(schemas.Holder.properties.inner.items.additionalProperties).toBe(true);
    // Data stays data; closed, typed and composed objects stay as written.
    expect(schemas.Holder.example).toEqual({ type: 'object' });
    expect(schemas.Closed).toBe(doc.components.schemas.Closed);
    expect(schemas.Typed).toBe(doc.components.schemas.Typed);
    expect(schemas.Composed).toBe(doc.components.schemas.Composed);
    // The input is not modified, and a document with nothing to open comes back as it is.
    expect(JSON.stringify(doc)).toBe(before);
    const closedOnly = { components: { schemas: { Closed: doc.components.schemas.Closed } } };
    expect(openEmptyObjects(closedOnly)).toBe(closedOnly);
  });

  it('opens "object" in a type list and beside nullable: true; closed ones and lists without it stay', () => {
    const doc = {
      components: {
        schemas: {
          OrNull: { type: ['object', 'null'] },
          OrString: { type: ['object', 'string'], properties: {} },
          Nullable: { type: 'object', nullable: true },
          ClosedOrNull: { type: ['object', 'null'], additionalProperties: false },
          StringOrNull: { type: ['string', 'null'] },
        },
      },
    };
    const schemas = openEmptyObjects(doc).components.schemas as Record<string, any>;
    expect(schemas.OrNull).toEqual({ type: ['object', 'null'], additionalProperties: true });
    expect(schemas.OrString).toEqual({ type: ['object', 'string'], properties: {}, additionalProperties: true });
    expect(schemas.Nullable).toEqual({ type: 'object', nullable: true, additionalProperties: true });
    expect(schemas.ClosedOrNull).toBe(doc.components.schemas.ClosedOrNull);
    expect(schemas.StringOrNull).toBe(doc.components.schemas.StringOrNull);
  });
});
