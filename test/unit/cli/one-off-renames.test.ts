// A one-off `generate --spec` writes no manifest, so it says on stderr what the manifest would list.
// It printed repairs, bracketed query parameters and unresolved servers, but not renamed
// operationIds, renamed components or operations left out: a duplicate `getItem` silently became
// two functions of other names, and a TRACE operation silently had none. Now they are printed
// (cli/one-off-listings.ts) and `--json` carries them. Fixtures (hand-made): test/fixtures/one-off-renames/.
import { afterEach, describe, expect, it } from 'vitest';
import { generateOneOff, type OneOffRun } from './one-off-vendor.ts';

const SPEC = 'test/fixtures/one-off-renames/openapi.json';
const runs: OneOffRun[] = [];
afterEach(() => runs.splice(0).forEach((run) => run.remove()));

async function oneOff(fixture: string, extra: string[] = []): Promise<OneOffRun> {
  const run = await generateOneOff(fixture, 'renames', extra);
  runs.push(run);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

const SHARED = "operationId 'getItem' is shared by 2 operations; suffixed with the path segments that distinguish them";

describe('generate --spec lists renames and omitted operations', { timeout: 120_000 }, () => {
  it('on stderr, one line per operation, as repairs are', async () => {
    const { stderr } = await oneOff(SPEC);
    expect(stderr).toBe(
      'operations renamed so that each has a name of its own (2):\n' +
        `  GET /items/{id}: getItem → getItem_GetItemsById (${SHARED})\n` +
        `  PUT /items/{id}: getItem → getItem_PutItemsById (${SHARED})\n` +
        'operations left out of the client: fetch cannot send their method (1):\n' +
        '  TRACE /items/{id} traceItem\n',
    );
  });

  it('in --json, under the manifest’s names', async () => {
    const run = await oneOff(SPEC, ['--json']);
    const result = JSON.parse(run.stdout);
    expect(result.renamed).toEqual([
      { from: 'getItem', to: 'getItem_GetItemsById', operation: 'GET /items/{id}', reason: SHARED },
      { from: 'getItem', to: 'getItem_PutItemsById', operation: 'PUT /items/{id}', reason: SHARED },
    ]);
    expect(result.omittedOperations).toEqual(['TRACE /items/{id} traceItem']);
    expect(result.componentRenames).toEqual([]);
    // The renamed operations are the functions generated.
    expect(Object.keys(await run.load('operations.js')).sort()).toEqual(['getItemGetItemsById', 'getItemPutItemsById']);
  });

  it('a component renamed when two files are merged, named by the file as typed', async () => {
    const beta = 'test/fixtures/one-off-renames/beta.json';
    const run = await oneOff('test/fixtures/one-off-renames/alpha.json', ['--spec', beta]);
    expect(run.stderr).toContain(`components renamed (1):\n  ${beta}: schemas/Item → schemas/BetaItem\n`);
  });
});
