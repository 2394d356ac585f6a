// An urlencoded body given as form text (a string, as a spec that declares the body
// `type: string` types it, or URLSearchParams) is sent as given. Found by the corpus Prism stage
// on a real spec whose urlencoded bodies are declared `type: string`: the generated client
// dropped the string and sent an empty body. The fixture (test/fixtures/form-text/openapi.json)
// is hand-made; each test reads the request as it left the generated client.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureVendor } from './sent-request.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/form-text/openapi.json', import.meta.url));

const fixture = fixtureVendor('form-text', 'formtext', 'FormText', FIXTURE);

describe('form text bodies', () => {
  it('a string body of a `type: string` urlencoded operation goes byte for byte', async () => {
    const sent = await fixture.send('/analyze', 'instructions=Put+the+garlic+in%2C+then+salt');
    expect(sent.contentType).toBe('application/x-www-form-urlencoded');
    expect(sent.text).toBe('instructions=Put+the+garlic+in%2C+then+salt');
  });

  it('URLSearchParams go as their text, also where the operation has a field table', async () => {
    const params = new URLSearchParams([['tags', 'a b'], ['tags', 'c']]);
    expect((await fixture.send('/analyze', params)).text).toBe('tags=a+b&tags=c');
    expect((await fixture.send('/tagged', params)).text).toBe('tags=a+b&tags=c');
    expect((await fixture.send('/tagged', { tags: ['a b', 'c'] })).text).toBe('tags=a%20b&tags=c');
  });
});
