// The contract harness's trimmed document must still load in Prism. A `$ref` may point into the
// middle of a component (`#/components/schemas/Video/properties/id`, as real specs do); the
// component it points into, and every component the kept parts refer to, must stay. Oracle:
// Prism's own loader (getHttpOperationsFromSpec, what `prism mock` runs at start-up), which
// throws MissingPointerError on a ref into a dropped component.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { requestContractDocument } from '../../contract/request-contract.ts';

const requireFromPrism = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const { getHttpOperationsFromSpec } = requireFromPrism('@stoplight/prism-http') as {
  getHttpOperationsFromSpec: (spec: object) => Promise<{ method: string; path: string }[]>;
};

const ref = ($ref: string) => ({ $ref });

/** A hand-made spec: the request body refers into components, not only to their roots. */
function spec(): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: { title: 'sub-pointer refs', version: '1' },
    paths: {
      '/reports': {
        post: {
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    video: { type: 'object', properties: { id: ref('#/components/schemas/Video/properties/id') } },
                    // A percent-encoded name, pointed into as well.
                    note: ref('#/components/schemas/Free%20text/properties/body'),
                  },
                },
              },
            },
          },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref('#/components/schemas/Report') } } } },
        },
      },
    },
    components: {
      schemas: {
        // Referred to only through /properties/id; its other property pulls in Channel.
        Video: { type: 'object', properties: { id: { allOf: [ref('#/components/schemas/Id')] }, channel: ref('#/components/schemas/Channel') } },
        Id: { type: 'integer' },
        Channel: { type: 'object', properties: { owner: ref('#/components/schemas/Account/properties/name') } },
        Account: { type: 'object', properties: { name: { type: 'string' } } },
        'Free text': { type: 'object', properties: { body: { type: 'string' } } },
        // Used by the response only, which the harness reduces: dropped.
        Report: { type: 'object', properties: { video: ref('#/components/schemas/Video') } },
        Unused: { type: 'string' },
      },
    },
  };
}

it('keeps every component a kept $ref points into (root or sub-pointer, transitively) and drops the rest', async () => {
  const trimmed = requestContractDocument(spec());
  const schemas = (trimmed.components as { schemas: Record<string, unknown> }).schemas;
  expect(Object.keys(schemas).sort()).toEqual(['Account', 'Channel', 'Free text', 'Id', 'Video']);
  const operations = await getHttpOperationsFromSpec(trimmed);
  expect(operations.map(({ method, path }) => `${method} ${path}`)).toEqual(['post /reports']);
});

it('puts back whole a response a request-side $ref points into, and keeps what it refers to', async () => {
  const document = {
    openapi: '3.0.3',
    info: { title: 'refs into a response', version: '1' },
    paths: {
      '/jobs': {
        get: {
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { state: ref('#/components/schemas/State'), owner: ref('#/components/schemas/Owner') } },
                },
              },
            },
            '404': { description: 'none', content: { 'application/json': { schema: ref('#/components/schemas/Problem') } } },
          },
        },
        post: {
          requestBody: {
            content: {
              'application/json': {
                schema: { type: 'object', properties: { state: ref('#/paths/~1jobs/get/responses/200/content/application~1json/schema/properties/state') } },
              },
            },
          },
          responses: { '201': { description: 'created' } },
        },
      },
    },
    components: {
      schemas: {
        State: { type: 'string', enum: ['queued', 'done'] },
        // Beside the pointed-at property in the same response: kept with it.
        Owner: { type: 'object', properties: { name: { type: 'string' } } },
        // Only in a response nothing points into: dropped.
        Problem: { type: 'object', properties: { detail: { type: 'string' } } },
      },
    },
  };
  const trimmed = requestContractDocument(document) as typeof document;
  expect(Object.keys(trimmed.components.schemas).sort()).toEqual(['Owner', 'State']);
  expect(trimmed.paths['/jobs'].get.responses['200']).toEqual(document.paths['/jobs'].get.responses['200']);
  expect(trimmed.paths['/jobs'].get.responses['404']).toEqual({ description: 'reduced for request validation', content: { 'application/json': { schema: {} } } });
  const operations = await getHttpOperationsFromSpec(trimmed);
  expect(operations.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(['get /jobs', 'post /jobs']);
});
