// Loaded into Prism's process (`node --import`) before the CLI starts. At start-up Prism 5.16's CLI
// prints an example URL for each operation (prism-cli util/paths.js createExamplePath), and on the
// way it renames the operation's form-style query parameters in place to encodeURI(name): a
// parameter named `resources[]` is validated from then on as `resources%5B%5D`, so a request that
// sends it (`resources%5B%5D=a`, which reads back as `resources[]`) is told it is missing, and no
// spelling passes. Here the example is built from a copy of the operation, which stays as written.
import { createRequire } from 'node:module';
import { join } from 'node:path';

type ExamplePath = (operation: unknown, transformValues?: unknown) => unknown;

const fromCli = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const paths = fromCli('./util/paths') as { createExamplePath: ExamplePath };
const { cloneDeep } = fromCli('lodash') as { cloneDeep: <T>(value: T) => T };

const createExamplePath = paths.createExamplePath;
paths.createExamplePath = (operation, transformValues) => createExamplePath(cloneDeep(operation), transformValues);
