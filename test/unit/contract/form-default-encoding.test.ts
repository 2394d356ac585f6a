// Urlencoded arrays of scalars without a styled encoding entry: OpenAPI's default is style form
// with explode (`Permission=a&Permission=b`), which the generated client sends. Prism 5.16 applies
// that style only when an entry says it, so the harness writes the default out in Prism's
// document. Oracle: Prism on the harness's document (the exploded form accepted, the bracket
// names the client used to send still reported), and the document itself (styled entries kept).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestContractDocument } from '../../contract/request-contract.ts';
import { isRequestError, parsePrismProblem, parseViolations } from '../../contract/violations.ts';
import { startPrism, type PrismServer } from '../../support/prism.ts';

const FORM = 'application/x-www-form-urlencoded';
const strings = { type: 'array', items: { type: 'string' } };
const document = {
  openapi: '3.0.3',
  info: { title: 'form defaults', version: '1' },
  paths: {
    '/roles': {
      post: {
        requestBody: { $ref: '#/components/requestBodies/Role' },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: {} } } } },
      },
    },
  },
  components: {
    requestBodies: {
      Role: {
        required: true,
        content: {
          [FORM]: {
            schema: {
              type: 'object',
              required: ['Permission'],
              properties: { Permission: strings, expand: strings, items: { type: 'array', items: { type: 'object' } }, name: { type: 'string' } },
            },
            encoding: { expand: { style: 'deepObject', explode: true } },
          },
        },
      },
    },
  },
};

async function problems(response: Response): Promise<string[]> {
  const fromHeader = parseViolations(response.headers.get('sl-violations')).filter(isRequestError);
  const fromBody = (response.headers.get('content-type') ?? '').includes('problem+json') ? (parsePrismProblem(await response.text())?.validation ?? []) : [];
  return [...fromHeader, ...fromBody].map((v) => `${(v.location ?? []).join('.')}: ${v.message}`);
}

describe('urlencoded arrays of scalars without a styled entry in the contract harness', () => {
  let dir: string;
  let prism: PrismServer;
  const post = (body: string) => fetch(`${prism.url}/roles`, { method: 'POST', headers: { 'content-type': FORM }, body });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'svcgen-form-default-'));
    await writeFile(join(dir, 'contract.json'), JSON.stringify(requestContractDocument(document)));
    prism = await startPrism(join(dir, 'contract.json'));
  }, 120_000);

  afterAll(async () => {
    await prism?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('get the default entry written out; styled entries, arrays of objects and scalars are left alone', () => {
    const trimmed = requestContractDocument(document) as typeof document;
    expect(trimmed.components.requestBodies.Role.content[FORM].encoding).toEqual({ expand: { style: 'deepObject', explode: true }, Permission: { style: 'form', explode: true } });
  });

  it('Prism accepts the exploded form, one item or several, and still reports bracket names as the property missing', async () => {
    expect(await problems(await post('Permission=a&Permission=b&name=n'))).toEqual([]);
    expect(await problems(await post('Permission=a'))).toEqual([]);
    expect(await problems(await post('Permission[0]=a'))).toEqual([expect.stringContaining("required property 'Permission'")]);
  });
});
