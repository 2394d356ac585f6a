// The Prism behaviour the contract suite relies on or works around, pinned on a tiny document of
// our own: if a Prism upgrade changes any of it, this file says which assumption broke.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism, type PrismServer } from '../support/prism.ts';
import { isRequestError, parsePrismProblem, parseViolations } from './violations.ts';

const form = 'application/x-www-form-urlencoded';
const deep = { style: 'deepObject', explode: true };

const document = {
  openapi: '3.0.0',
  info: { title: 'quirks', version: '1' },
  servers: [{ url: 'https://api.example.test/v9' }],
  paths: {
    '/v1/things': {
      get: {
        parameters: [{ name: 'created', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object', required: ['gte'], properties: { gte: { type: 'integer' } } } }],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: {} } } } },
      },
      post: {
        requestBody: {
          content: {
            [form]: {
              schema: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  shipping: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, phone: { type: 'string' } } },
                  metadata: { anyOf: [{ type: 'object', additionalProperties: { type: 'string' } }, { type: 'string', enum: [''] }] },
                  items: { type: 'array', items: { type: 'object', required: ['price'], properties: { price: { type: 'string' }, quantity: { type: 'integer' } } } },
                  expand: { type: 'array', items: { type: 'string' } },
                },
              },
              encoding: { shipping: deep, metadata: deep, items: deep, expand: deep },
            },
          },
        },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: {} } } } },
      },
    },
  },
};

/** Request problems Prism reports, from the header or from its own 422 body. */
async function problems(response: Response): Promise<string[]> {
  const fromHeader = parseViolations(response.headers.get('sl-violations')).filter(isRequestError);
  const fromBody = (response.headers.get('content-type') ?? '').includes('problem+json') ? (parsePrismProblem(await response.text())?.validation ?? []) : [];
  return [...fromHeader, ...fromBody].map((v) => `${(v.location ?? []).join('.')}: ${v.message}`);
}

const post = (server: PrismServer, body: string) => fetch(`${server.url}/v1/things`, { method: 'POST', headers: { 'content-type': form }, body });

describe('Prism 5.16 as the contract oracle', () => {
  let dir: string;
  let plain: PrismServer;
  let fixed: PrismServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'svcgen-prism-quirks-'));
    const spec = join(dir, 'quirks.json');
    await writeFile(spec, JSON.stringify(document));
    [plain, fixed] = await Promise.all([startPrism(spec), startPrism(spec, { imports: ['test/contract/prism-deep-object.ts'] })]);
  });

  afterAll(async () => {
    await Promise.all([plain?.stop(), fixed?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('serves paths as written, ignoring the server base path', async () => {
    expect((await fetch(`${fixed.url}/v1/things`)).status).toBe(200);
    expect((await fetch(`${fixed.url}/v9/v1/things`)).status).toBe(404);
  });

  it('unpatched, invents absent deepObject parameters and reports their required members', async () => {
    expect(await problems(await fetch(`${plain.url}/v1/things`))).toEqual([expect.stringContaining("required property 'gte'")]);
    expect(await problems(await post(plain, 'name=x'))).toEqual([expect.stringContaining("shipping must have required property 'name'")]);
  });

  it('patched, leaves absent parameters absent', async () => {
    expect(await problems(await fetch(`${fixed.url}/v1/things`))).toEqual([]);
    expect(await problems(await post(fixed, 'name=x'))).toEqual([]);
  });

  it('patched, decodes bracket notation: nested objects, open maps, indexed arrays of objects and scalars', async () => {
    const body = 'name=x&shipping[name]=n&metadata[order]=42&items[0][price]=p_1&items[0][quantity]=2&items[1][price]=p_2&expand[0]=customer';
    const response = await post(fixed, body);
    expect(await problems(response)).toEqual([]);
    expect(response.status).toBe(200);
    expect(await problems(await post(fixed, 'name=x&metadata='))).toEqual([]);
    expect(await problems(await fetch(`${fixed.url}/v1/things?created[gte]=5`))).toEqual([]);
  });

  it('patched, still reports what is really wrong inside bracketed values', async () => {
    expect(await problems(await post(fixed, 'name=x&shipping[phone]=1'))).toEqual([expect.stringContaining("shipping must have required property 'name'")]);
    expect(await problems(await post(fixed, 'name=x&items[0][quantity]=2'))).toEqual([expect.stringContaining("must have required property 'price'")]);
    expect(await problems(await post(fixed, 'name=x&items[0][price]=p&items[0][quantity]=many'))).toEqual([expect.stringContaining('must be integer')]);
    expect(await problems(await fetch(`${fixed.url}/v1/things?created[gte]=soon`))).toEqual([expect.stringContaining('must be integer')]);
    expect(await problems(await post(fixed, 'shipping[name]=n'))).toEqual([expect.stringContaining("required property 'name'")]);
  });
});
