// Loaded into Prism's process (`node --import`) before the CLI starts. Prism 5.16 reads header,
// query and path parameters in prism-http validator/validators/params.js, which keeps the
// deserialized values with lodash's pickBy and no predicate: a header that is present but empty
// (`X-Id: `, valid HTTP) is dropped as if the request had left it out, so a required one is
// reported missing ("must have required property") even where its schema allows '' (a plain
// string, or one whose default is ''). Here a header is dropped only when absent (undefined), so
// '' is checked against its schema (minLength, pattern, enum) like any value. Query and path
// values keep Prism's rule: an empty query value is OpenAPI's allowEmptyValue, off by default,
// and the client refuses an empty path value.
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Spec = { name: string; style?: string; explode?: boolean; deprecated?: boolean; required?: boolean; schema?: unknown };
type Deserializer = (name: string, parameters: Record<string, unknown>, schema: unknown, explode: boolean) => unknown;
type Options = { deserializers: Record<string, Deserializer>; prefix: string; defaultStyle: string };
type Schema = { type: 'object'; properties: Record<string, unknown>; required: string[] };
type Diagnostic = { path: string[]; code: string; message: string; severity: number };
type Validate = (value: unknown, schema: Schema, coerce: boolean, context: unknown, prefix: string, bundle: unknown) => { _tag: 'Some'; value: Diagnostic[] } | { _tag: 'None' };

const fromCli = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const paramsPath = fromCli.resolve('@stoplight/prism-http/dist/validator/validators/params');
const fromHttp = createRequire(paramsPath);
const params = fromHttp(paramsPath) as { validateParams: unknown };
const { validateAgainstSchema } = fromHttp('./utils') as { validateAgainstSchema: Validate };
const E = fromHttp('fp-ts/Either') as { left: (value: unknown) => unknown; right: (value: unknown) => unknown };
const WARNING = 1;

const schemas = new WeakMap<Spec[], Schema>();

function schemaOf(specs: Spec[]): Schema {
  let schema = schemas.get(specs);
  if (!schema) {
    const properties: Record<string, unknown> = {};
    for (const spec of specs) if (spec.schema) properties[spec.name.toLowerCase()] = spec.schema;
    schema = { type: 'object', properties, required: specs.filter((s) => s.required).map((s) => s.name.toLowerCase()) };
    schemas.set(specs, schema);
  }
  return schema;
}

// Same contract as Prism's: Left(diagnostics) when anything is reported, else Right(target).
params.validateParams =
  (target: Record<string, unknown> | null, specs: Spec[], context: unknown, bundle: unknown) =>
  ({ deserializers, prefix, defaultStyle }: Options) => {
    const deprecated: Diagnostic[] = specs
      .filter((spec) => spec.deprecated && target?.[spec.name])
      .map((spec) => ({ path: [prefix, spec.name], code: 'deprecated', message: `${prefix[0]!.toUpperCase()}${prefix.slice(1)} param ${spec.name} is deprecated`, severity: WARNING }));
    const diagnostics: Diagnostic[] = [];
    if (specs.length > 0) {
      const schema = schemaOf(specs);
      // Prism passes null for path values it could not read against the route (lodash's mapKeys, in
      // its own version, reads null as no values; Object.entries throws, which killed Prism).
      const lowered = Object.fromEntries(Object.entries(target ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
      const values: Record<string, unknown> = {};
      for (const spec of specs) {
        const name = spec.name.toLowerCase();
        const deserialize = deserializers[spec.style || defaultStyle];
        const value = deserialize ? deserialize(name, lowered, schema.properties[name], spec.explode || false) : undefined;
        if (prefix === 'header' ? value !== undefined : value) values[name] = value;
      }
      const found = validateAgainstSchema(values, schema, true, context, prefix, bundle);
      if (found._tag === 'Some') diagnostics.push(...found.value);
    }
    diagnostics.push(...deprecated);
    return diagnostics.length > 0 ? E.left(diagnostics) : E.right(target);
  };
