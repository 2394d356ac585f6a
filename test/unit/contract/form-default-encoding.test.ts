// Urlencoded arrays of scalars without a styled encoding entry: OpenAPI's default is style form
// with explode (`Permission=a&Permission=b`), which the generated client sends. Prism 5.16 applies
// that style only when an entry says it, so the harness writes the default out in Prism's
// document. Oracle: Prism on the harness's document (the exploded form accepted, the bracket
// names the client used to send still reported), and the document itself (styled entries kept).
import { describe, expect, it } from 'vitest';
import { harnessPrism, requestProblems } from './harness-prism.ts';
import { requestContractDocument } from '../../contract/request-contract.ts';

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

describe('urlencoded arrays of scalars without a styled entry in the contract harness', () => {
  const prism = harnessPrism('form-default', () => document);
  const post = (body: string) => fetch(`${prism.url}/roles`, { method: 'POST', headers: { 'content-type': FORM }, body });

  it('get the default entry written out; styled entries, arrays of objects and scalars are left alone', () => {
    const trimmed = requestContractDocument(document) as typeof document;
    expect(trimmed.components.requestBodies.Role.content[FORM].encoding).toEqual({ expand: { style: 'deepObject', explode: true }, Permission: { style: 'form', explode: true } });
  });

  it('Prism accepts the exploded form, one item or several, and still reports bracket names as the property missing', async () => {
    expect(await requestProblems(await post('Permission=a&Permission=b&name=n'))).toEqual([]);
    expect(await requestProblems(await post('Permission=a'))).toEqual([]);
    expect(await requestProblems(await post('Permission[0]=a'))).toEqual([expect.stringContaining("required property 'Permission'")]);
  });
});
