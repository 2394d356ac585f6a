// `$ref` handling for the zod emitter. A reference to a whole component schema
// (`#/components/schemas/<name>`) becomes a reference to that component's exported const; any
// other local pointer (into a component's properties, a path item, …) is resolved and inlined.

import type { SchemaObject } from '../../model/types.ts';

const COMPONENT_PREFIX = '#/components/schemas/';

/** The component name a `$ref` names, or undefined when it points anywhere else. */
export function componentNameOf(ref: string): string | undefined {
  if (!ref.startsWith(COMPONENT_PREFIX)) return undefined;
  const rest = ref.slice(COMPONENT_PREFIX.length);
  if (rest.includes('/')) return undefined;
  return decodePointerToken(rest);
}

function decodePointerToken(token: string): string {
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // A literal `%` that is not an escape: keep the token as written.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Resolves a local JSON pointer (`#/a/b`) against the document; undefined when it dangles. */
export function resolveLocalPointer(document: Record<string, unknown>, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const body = ref.slice(1);
  if (body === '') return document;
  if (!body.startsWith('/')) return undefined;
  let node: unknown = document;
  for (const raw of body.slice(1).split('/')) {
    const token = decodePointerToken(raw);
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

export function componentSchemas(document: Record<string, unknown>): Record<string, SchemaObject> {
  const components = document['components'];
  if (components === null || typeof components !== 'object') return {};
  const schemas = (components as Record<string, unknown>)['schemas'];
  if (schemas === null || typeof schemas !== 'object') return {};
  return schemas as Record<string, SchemaObject>;
}

export function isSchemaObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Keywords whose values are schemas (or lists / maps of schemas) that the emitter descends into. */
const SUBSCHEMA_KEYWORDS = ['items', 'additionalProperties', 'not'] as const;
const SUBSCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const SUBSCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties'] as const;

/** Direct subschemas of a schema object (not following `$ref`). */
export function childSchemas(schema: SchemaObject): SchemaObject[] {
  const children: SchemaObject[] = [];
  for (const keyword of SUBSCHEMA_KEYWORDS) {
    const value = schema[keyword];
    if (isSchemaObject(value)) children.push(value);
  }
  for (const keyword of SUBSCHEMA_LIST_KEYWORDS) {
    const value = schema[keyword];
    if (Array.isArray(value)) for (const item of value) if (isSchemaObject(item)) children.push(item);
  }
  for (const keyword of SUBSCHEMA_MAP_KEYWORDS) {
    const value = schema[keyword];
    if (isSchemaObject(value)) for (const item of Object.values(value)) if (isSchemaObject(item)) children.push(item);
  }
  return children;
}

/**
 * Names of the components a schema references, following inlined (non-component) pointers, in
 * first-seen order. `seenPointers` guards against pointers that loop back into themselves.
 */
export function referencedComponents(
  schema: SchemaObject,
  document: Record<string, unknown>,
  seenPointers: Set<string> = new Set(),
): string[] {
  const found: string[] = [];
  const visit = (node: SchemaObject): void => {
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      const name = componentNameOf(ref);
      if (name !== undefined) {
        found.push(name);
      } else if (!seenPointers.has(ref)) {
        seenPointers.add(ref);
        const target = resolveLocalPointer(document, ref);
        if (isSchemaObject(target)) visit(target);
      }
    }
    for (const child of childSchemas(node)) visit(child);
  };
  visit(schema);
  return [...new Set(found)];
}
