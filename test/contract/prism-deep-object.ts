// Loaded into Prism's process (`node --import`) before the CLI starts. It replaces ONE function of
// Prism 5.16, the `deepObject` deserializer used for query parameters and form-body fields,
// because that function mis-reads exactly the bracket encoding of form bodies (`a[b]=v`, `a[0][b]=v`):
//   - an ABSENT object parameter comes back as an object of undefined fields, so every optional
//     object with a required member (`automatic_tax[enabled]`) is reported missing on requests
//     that never mention it;
//   - keys not declared in `properties` (`metadata[k]=v`) and `a[]=v` arrays are dropped;
//   - a form-body array of objects is only read back from JSON text (`items[0]={"price":…}`).
// The replacement decodes bracket notation into the value the encoding describes and returns
// undefined for an absent parameter. Routing, security and schema validation stay Prism's own.
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Schema = Record<string, unknown> | undefined;
type Params = Record<string, unknown>;
type Tree = Map<string, Tree | unknown>;

const requireFromPrism = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const deserializers = requireFromPrism('@stoplight/prism-http/dist/validator/deserializers') as {
  query: Record<string, unknown>;
  body: Record<string, unknown>;
};

function isSchema(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema and its union/intersection branches (Prism hands us dereferenced schemas). */
function variants(schema: Schema): Record<string, unknown>[] {
  if (!isSchema(schema)) return [];
  const out = [schema];
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const branches = schema[key];
    if (Array.isArray(branches)) for (const branch of branches) out.push(...variants(branch as Schema));
  }
  return out;
}

function allowsArray(schema: Schema): boolean {
  return variants(schema).some((s) => s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array')));
}

function childSchema(schema: Schema, key: string, asArray: boolean): Schema {
  for (const s of variants(schema)) {
    if (asArray && isSchema(s.items)) return s.items;
    if (!asArray && isSchema(s.properties) && isSchema(s.properties[key])) return s.properties[key];
  }
  for (const s of variants(schema)) if (!asArray && isSchema(s.additionalProperties)) return s.additionalProperties;
  return undefined;
}

/** `name[a][0][]` → ['a', '0', ''], or undefined when the key is not under `name`. */
function segmentsOf(key: string, name: string): string[] | undefined {
  if (!key.startsWith(name)) return undefined;
  const rest = key.slice(name.length);
  if (!/^(\[[^\][]*\])+$/.test(rest)) return undefined;
  return [...rest.matchAll(/\[([^\][]*)\]/g)].map((match) => match[1]!);
}

function insert(tree: Tree, segments: string[], value: unknown): void {
  let node = tree;
  segments.forEach((segment, i) => {
    const key = segment === '' ? String(node.size) : segment; // `a[]=x`: append
    if (i === segments.length - 1) {
      node.set(key, value);
      return;
    }
    let child = node.get(key);
    if (!(child instanceof Map)) {
      child = new Map();
      node.set(key, child);
    }
    node = child as Tree;
  });
}

function shape(node: unknown, schema: Schema): unknown {
  if (!(node instanceof Map)) return node;
  const keys = [...node.keys()];
  if (keys.every((k) => /^\d+$/.test(k)) && allowsArray(schema)) {
    return keys
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => shape(node.get(k), childSchema(schema, k, true)));
  }
  return Object.fromEntries(keys.map((k) => [k, shape(node.get(k), childSchema(schema, k, false))]));
}

function decodeDeepObject(name: string, parameters: Params, schema: Schema): unknown {
  const tree: Tree = new Map();
  let found = false;
  for (const [key, value] of Object.entries(parameters)) {
    const segments = segmentsOf(key, name);
    if (!segments) continue;
    found = true;
    insert(tree, segments, value);
  }
  // `name=` alone is a scalar (an empty string that unsets a field); nothing at all is absent.
  if (!found) return parameters[name];
  return shape(tree, schema);
}

deserializers.query.deepObject = decodeDeepObject;
// Prism's form-body reader re-parses arrays of objects from JSON text after this step (and
// `body` is the same object as `query`, so give the body its own table).
deserializers.body = {
  ...deserializers.query,
  deepObject: (name: string, parameters: Params, schema: Schema) => {
    const value = decodeDeepObject(name, parameters, schema);
    const items = isSchema(schema) ? schema.items : undefined;
    return Array.isArray(value) && isSchema(items) && items.type === 'object' ? value.map((item) => JSON.stringify(item)) : value;
  },
};
