// Which component schemas the module exports, under which names, in which order, and which of
// their references must be deferred.
//
// Components are emitted only when an operation reaches them. A component is emitted once,
// unless it (or something it references) reads differently for requests and responses (closed
// objects, required readOnly / writeOnly properties, maxProperties, no `type`): then each side reached gets its own const
// (`Foo` for responses, `FooInput` for requests). Cycles are found as strongly connected
// components over those consts; only references inside a cycle are deferred.

import type { SchemaObject } from '../../model/types.ts';
import type { SchemaMode } from './convert.ts';
import { IdentifierAllocator, toPascalIdentifier } from './identifiers.ts';
import { childSchemas, componentSchemas, isSchemaObject, referencedComponents, resolveLocalPointer, componentNameOf } from './refs.ts';
import { stronglyConnectedComponents } from './scc.ts';
import { typelessKinds } from './typeless.ts';

export interface SchemaRoot {
  readonly schema: SchemaObject;
  readonly mode: SchemaMode;
}

export interface PlannedSchema {
  readonly component: string;
  /** The side this const serves; a component that reads the same on both sides uses 'response'. */
  readonly mode: SchemaMode;
  readonly identifier: string;
  readonly schema: SchemaObject;
  /** Index of its strongly connected component; consts with equal cycle ids reference lazily. */
  readonly cycle: number;
}

export interface SchemaPlan {
  /** Emission order: every const after the consts it references outside its own cycle. */
  readonly schemas: readonly PlannedSchema[];
  lookup(component: string, mode: SchemaMode): PlannedSchema | undefined;
}

export function planSchemas(
  roots: readonly SchemaRoot[],
  document: Record<string, unknown>,
  allocator: IdentifierAllocator,
): SchemaPlan {
  const components = componentSchemas(document);
  const refsCache = new Map<string, string[]>();
  const refsOf = (component: string): string[] => {
    let refs = refsCache.get(component);
    if (refs === undefined) {
      const schema = components[component];
      refs = schema === undefined ? [] : referencedComponents(schema, document).filter((name) => Object.hasOwn(components, name));
      refsCache.set(component, refs);
    }
    return refs;
  };

  // Reachability per side.
  const reached: Record<SchemaMode, Set<string>> = { request: new Set(), response: new Set() };
  for (const root of roots) {
    const queue = referencedComponents(root.schema, document).filter((name) => Object.hasOwn(components, name));
    const seen = reached[root.mode];
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      queue.push(...refsOf(name));
    }
  }

  const sensitive = modeSensitiveComponents([...new Set([...reached.request, ...reached.response])], refsOf, components, document);
  const keyOf = (component: string, mode: SchemaMode): string =>
    sensitive.has(component) ? `${component}\u0000${mode}` : component;

  const nodes = new Map<string, { component: string; mode: SchemaMode }>();
  for (const mode of ['response', 'request'] as const) {
    for (const component of reached[mode]) {
      const key = keyOf(component, mode);
      if (!nodes.has(key)) nodes.set(key, { component, mode: sensitive.has(component) ? mode : 'response' });
    }
  }

  const identifiers = allocateIdentifiers(nodes, allocator);
  const order = stronglyConnectedComponents(
    [...nodes.keys()].sort(),
    (key) => {
      const node = nodes.get(key)!;
      return refsOf(node.component).map((target) => keyOf(target, node.mode));
    },
  );

  const planned = new Map<string, PlannedSchema>();
  const schemas: PlannedSchema[] = [];
  order.forEach((members, cycle) => {
    for (const key of members) {
      const node = nodes.get(key)!;
      const entry: PlannedSchema = {
        component: node.component,
        mode: node.mode,
        identifier: identifiers.get(key)!,
        schema: components[node.component]!,
        cycle,
      };
      planned.set(key, entry);
      schemas.push(entry);
    }
  });

  return {
    schemas,
    lookup: (component, mode) => planned.get(keyOf(component, mode)),
  };
}

function allocateIdentifiers(
  nodes: ReadonlyMap<string, { component: string; mode: SchemaMode }>,
  allocator: IdentifierAllocator,
): Map<string, string> {
  const byComponent = new Map<string, { key: string; mode: SchemaMode }[]>();
  for (const [key, node] of nodes) {
    const list = byComponent.get(node.component) ?? [];
    list.push({ key, mode: node.mode });
    byComponent.set(node.component, list);
  }
  const identifiers = new Map<string, string>();
  for (const component of [...byComponent.keys()].sort()) {
    const base = toPascalIdentifier(component);
    const variants = byComponent.get(component)!.sort((a, b) => (a.mode === b.mode ? 0 : a.mode === 'response' ? -1 : 1));
    for (const variant of variants) {
      const wanted = variants.length > 1 && variant.mode === 'request' ? `${base}Input` : base;
      identifiers.set(variant.key, allocator.allocate(wanted));
    }
  }
  return identifiers;
}

/** Components whose request and response readings differ, directly or through a reference. */
function modeSensitiveComponents(
  reachable: readonly string[],
  refsOf: (component: string) => string[],
  components: Record<string, SchemaObject>,
  document: Record<string, unknown>,
): Set<string> {
  const sensitive = new Set(reachable.filter((name) => readsDifferentlyBySide(components[name]!, document)));
  const referrers = new Map<string, string[]>();
  for (const name of reachable) {
    for (const target of refsOf(name)) referrers.set(target, [...(referrers.get(target) ?? []), name]);
  }
  const queue = [...sensitive];
  while (queue.length > 0) {
    for (const referrer of referrers.get(queue.pop()!) ?? []) {
      if (!sensitive.has(referrer)) {
        sensitive.add(referrer);
        queue.push(referrer);
      }
    }
  }
  return sensitive;
}

function readsDifferentlyBySide(schema: SchemaObject, document: Record<string, unknown>): boolean {
  const seenPointers = new Set<string>();
  const visit = (node: SchemaObject): boolean => {
    if (node['additionalProperties'] === false) return true;
    // Without `type`, object or array keywords bind every value of a request, only their own kind of a response.
    if (typelessKinds(node).length > 0) return true;
    // A response object that declares properties is not held to its maxProperties (a map is, on both
    // sides); an inline allOf member's maxProperties binds the object the members merge into.
    const declares = isSchemaObject(node['properties']) && Object.keys(node['properties']).length > 0;
    if (typeof node['maxProperties'] === 'number' && declares) return true;
    // Beside declared properties, `additionalProperties` binds the undeclared keys of a request only.
    if (declares && isSchemaObject(node['additionalProperties']) && Object.keys(node['additionalProperties']).length > 0) return true;
    if (Array.isArray(node['allOf']) && node['allOf'].some((member) => isSchemaObject(member) && typeof member['maxProperties'] === 'number')) return true;
    const required = Array.isArray(node['required']) ? node['required'] : [];
    const properties = isSchemaObject(node['properties']) ? node['properties'] : {};
    for (const name of required) {
      const property = typeof name === 'string' ? properties[name] : undefined;
      if (isSchemaObject(property) && (property['readOnly'] === true || property['writeOnly'] === true)) return true;
    }
    const ref = node['$ref'];
    if (typeof ref === 'string' && componentNameOf(ref) === undefined && !seenPointers.has(ref)) {
      seenPointers.add(ref);
      const target = resolveLocalPointer(document, ref);
      if (isSchemaObject(target) && visit(target)) return true;
    }
    return childSchemas(node).some(visit);
  };
  return visit(schema);
}
