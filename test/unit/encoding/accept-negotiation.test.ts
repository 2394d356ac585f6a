// An operation whose success answer the spec offers in several media types asks for the one the
// client reads. Without an Accept a request accepts anything (Node's fetch sends */*), and a
// server offering application/xml first (a Swagger 2.0 spec's `produces`, as in @readme/oas-examples'
// petstore) answers XML, which the client, typed and parsing JSON, cannot read. The stand-in server
// here negotiates like such a server: JSON only when the request's Accept names it.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpecProject, type GeneratedVendor, type SpecProject } from '../auth/spec-project.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/accept-negotiation/swagger.json', import.meta.url));

let project: SpecProject;
let vendor: GeneratedVendor;
beforeAll(async () => {
  project = await createSpecProject('accept-negotiation', [{ vendor: 'negotiate', displayName: 'Negotiate', example: FIXTURE }]);
  vendor = project.vendors.negotiate!;
}, 120_000);
afterAll(() => project?.remove());

/** Calls `GET path` through the generated client against a server that prefers XML; the Accept it got and the result. */
async function call(path: string, clientOptions: object = {}, callOptions?: object): Promise<{ accept: string | null; result: unknown }> {
  const accepts: (string | null)[] = [];
  const fetch = async (request: Request) => {
    const accept = request.headers.get('accept');
    accepts.push(accept);
    return /application\/json/.test(accept ?? '')
      ? Response.json({ name: 'Rex' })
      : new Response('<Pet><name>Rex</name></Pet>', { headers: { 'content-type': 'application/xml' } });
  };
  const client = vendor.create({ baseUrl: 'https://api.negotiate.test', fetch, retry: false, logger: false, ...clientOptions });
  const result = await vendor.operation('GET', path.replace(/\/\w+$/, '/{id}'))(client, { params: { path: { id: '1' } } }, callOptions).catch((error: unknown) => error);
  expect(accepts).toHaveLength(1);
  return { accept: accepts[0]!, result };
}

describe('Accept of an operation offered in several media types', () => {
  it('asks for JSON where the spec offers XML first, or a range such as image/*, and reads the answer', async () => {
    expect(await call('/pets/1')).toEqual({ accept: 'application/json', result: { name: 'Rex' } });
    expect(await call('/photos/1')).toEqual({ accept: 'application/json', result: { name: 'Rex' } });
  });

  it('sends none where there is nothing to choose: one media type, or */* beside one', async () => {
    expect((await call('/owners/1')).accept).toBeNull();
    expect((await call('/toys/1')).accept).toBeNull();
  });

  it("the user's Accept wins: set on the client or on the call", async () => {
    expect((await call('/pets/1', { headers: { Accept: 'application/xml' } })).accept).toBe('application/xml');
    expect((await call('/pets/1', {}, { headers: { accept: 'application/xml' } })).accept).toBe('application/xml');
  });
});
