// Loaded into Prism's process (`node --import`) before the CLI starts. At start-up Prism 5.16's CLI
// prints an example URL for each operation (prism-cli util/paths.js createExamplePath), and on the
// way it renames the operation's form-style query parameters in place to encodeURI(name): a
// parameter named `resources[]` is validated from then on as `resources%5B%5D`, so a request that
// sends it (`resources%5B%5D=a`, which reads back as `resources[]`) is told it is missing, and no
// spelling passes. Here the names are put back after the example is built. The same pass also
// writes `explode: true` on form parameters that leave it out, which stays: it is OpenAPI's default
// for form style, and Prism's validator, defaulting to false, would read an object-typed form
// parameter (`?key1=a` for a free-form map) as missing without it.
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Operation = { request?: { query?: { name: string }[] } };
type ExamplePath = (operation: Operation, transformValues?: unknown) => unknown;

const fromCli = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const paths = fromCli('./util/paths') as { createExamplePath: ExamplePath };

const createExamplePath = paths.createExamplePath;
paths.createExamplePath = (operation, transformValues) => {
  const query = operation.request?.query ?? [];
  const names = query.map((spec) => spec.name);
  try {
    return createExamplePath(operation, transformValues);
  } finally {
    query.forEach((spec, i) => (spec.name = names[i]!));
  }
};
