// Generated modules are strict code (ES modules), where `eval` and `arguments` cannot be declared:
// an operationId `eval` gave `export function eval`, and operations.js did not load in Node
// (SyntaxError: Unexpected eval or arguments in strict mode) while generation exited 0. They now
// take the `_` that reserved words take (model/naming.ts): `eval_`, like `delete_`, each listed as
// a rename (model/function-names.ts).
// Fixture (hand-made): test/fixtures/strict-mode-names/openapi.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOneOff, type OneOffRun } from '../cli/one-off-vendor.ts';

let run: OneOffRun;

beforeAll(async () => {
  run = await generateOneOff('test/fixtures/strict-mode-names/openapi.json', 'strict-names');
  expect(run.code, run.stderr).toBe(0);
}, 120_000);

afterAll(() => run?.remove());

describe('operationIds that strict code cannot declare', () => {
  it('are listed as renames, with the reason', () => {
    expect(run.stderr).toContain(
      'operations renamed so that each has a name of its own (3):\n' +
        '  GET /arguments: arguments → arguments_ (`arguments` cannot name a function in a JavaScript module)\n' +
        '  DELETE /delete: delete → delete_ (`delete` cannot name a function in a JavaScript module)\n' +
        '  POST /eval: eval → eval_ (`eval` cannot name a function in a JavaScript module)\n',
    );
  });

  it('operations.js loads in Node, each operation under its name with a trailing _', async () => {
    expect(await run.nativeExports('operations.js')).toEqual(['arguments_', 'delete_', 'eval_']);
  });

  it('each name calls its own operation', async () => {
    const operations = await run.load('operations.js');
    const { createStrictNamesClient } = (await run.load('client.ts')) as { createStrictNamesClient: (options: object) => unknown };
    const seen: string[] = [];
    const fetch = async (request: Request) => (seen.push(`${request.method} ${new URL(request.url).pathname}`), Response.json({}));
    const client = createStrictNamesClient({ baseUrl: 'https://api.strict-names.test', fetch, retry: false, logger: false });
    for (const name of ['eval_', 'arguments_', 'delete_']) await (operations[name] as (client: unknown) => Promise<unknown>)(client);
    expect(seen).toEqual(['POST /eval', 'GET /arguments', 'DELETE /delete']);
  });
});
