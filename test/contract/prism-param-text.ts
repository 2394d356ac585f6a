// Loaded into Prism's process (`node --import`) before the CLI starts. Two inputs make Prism 5.16's
// header and path deserializers (prism-http validator/deserializers/style/{simple,label,matrix}.js)
// call string methods on something that is not a string; the TypeError is caught nowhere, so the
// Prism process exits, that request gets ECONNRESET and every later one ECONNREFUSED:
//   - an OPTIONAL array- or object-typed header the request leaves out (`undefined.split`);
//   - a path value with a comma (an array or object in simple, label or matrix style, `a,b`):
//     Prism reads path values with uri-template-lite's match, which splits a `{name}` value at
//     commas into an array (`.name,sample` -> ['.name', 'sample']);
//   - an object-typed query parameter in spaceDelimited or pipeDelimited style (OpenAPI's style
//     table lists `R%20100%20G%20200` and `R|100|G|200`): Prism throws 'only applicable to array
//     parameter' for any request to the operation, even one without the parameter.
// Here an absent value stays absent (undefined, which Prism's validator drops like any missing
// parameter, so `required` is still checked) and a split path value is joined back into the text
// the request carried; then Prism's own deserializer runs. A delimited object is read as its
// key, value list.
// Prism also misreads a label-style exploded object path value (`.R=100.G=200`, as OpenAPI's style
// table writes it): it splits the pairs at ',' as in simple style, so the value is one key R holding
// `100.G=200` and every other required key is reported missing. It is split at '.' here.
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Schema = { type?: unknown } | undefined;
type Deserializer = (name: string, parameters: Record<string, unknown>, schema: unknown, explode: boolean) => unknown;

const requireFromPrism = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const deserializers = requireFromPrism('@stoplight/prism-http/dist/validator/deserializers') as Record<'header' | 'path' | 'query', Record<string, Deserializer>>;

function asText(deserialize: Deserializer): Deserializer {
  return (name, parameters, schema, explode) => {
    const value = parameters[name];
    if (value === undefined) return undefined;
    const text = Array.isArray(value) ? value.join(',') : value;
    return deserialize(name, text === value ? parameters : { ...parameters, [name]: text }, schema, explode);
  };
}

for (const table of [deserializers.header, deserializers.path]) {
  for (const [style, deserialize] of Object.entries(table)) table[style] = asText(deserialize);
}

const label = deserializers.path.label!;
deserializers.path.label = (name, parameters, schema, explode) => {
  const value = parameters[name];
  if (!explode || (schema as Schema)?.type !== 'object' || value === undefined) return label(name, parameters, schema, explode);
  const text = Array.isArray(value) ? value.join(',') : String(value);
  if (!text.startsWith('.')) return label(name, parameters, schema, explode);
  return Object.fromEntries(text.slice(1).split('.').map((pair) => pair.split('=')));
};

const DELIMITERS: Record<string, RegExp> = { spaceDelimited: / |%20/, pipeDelimited: /\|/ };
for (const [style, delimiter] of Object.entries(DELIMITERS)) {
  const deserialize = deserializers.query[style]!;
  deserializers.query[style] = (name, parameters, schema, explode) => {
    if ((schema as Schema)?.type !== 'object') return deserialize(name, parameters, schema, explode);
    const value = parameters[name];
    if (value === undefined) return undefined;
    const parts = String(Array.isArray(value) ? value.at(-1) : value).split(delimiter);
    return Object.fromEntries(parts.flatMap((part, i) => (i % 2 === 0 ? [[part, parts[i + 1] ?? '']] : [])));
  };
}
