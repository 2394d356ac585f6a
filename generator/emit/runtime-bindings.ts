// operations.js imports runtime helpers (the encoders, the paginator) into the module that also
// declares one function per operation, named from the vendor's operationIds; an operationId may be
// a helper's name (`serializePath`), and a module that declares a name twice does not load. So each
// helper is bound under a `$` alias: function names are camelCased operationIds
// (model/naming.ts), which hold only letters, digits and `_`, so none can take it.

/** The name operations.js knows the runtime export `name` by. */
export function runtimeBinding(name: string): string {
  return `$${name}`;
}

/** The import line for `names` of `module`, each under its binding, in a stable order. */
export function runtimeImport(module: string, names: Iterable<string>): string {
  const specifiers = [...new Set(names)].sort().map((name) => `${name} as ${runtimeBinding(name)}`);
  return `import { ${specifiers.join(', ')} } from '${module}';`;
}
