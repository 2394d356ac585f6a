// The types emitter calls openapi-typescript's transform directly instead of `openapiTS()`, which
// first lints and bundles the document with Redocly (generator/emit/types.ts says why). This checks
// that the shortcut changes nothing: for every vendor pinned in specs/lock.json, and for a small
// document with a discriminator, a nullable union and refs to every component kind, types.d.ts is
// byte-for-byte the header plus what `openapiTS()` prints for the same document and options.
import { createConfig } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../generator/config/load-config.ts';
import { fileHeader } from '../../../generator/emit/header.ts';
import { emitTypes, typesOptions } from '../../../generator/emit/types.ts';
import { loadVendor } from '../../../generator/load/index.ts';
import { buildApiModel } from '../../../generator/model/index.ts';
import { typingDocument } from '../../../generator/model/typing-document.ts';
import { PROJECT_ROOT, pinnedVendors } from '../../support/project.ts';

const ROOT = PROJECT_ROOT;
const vendors = await pinnedVendors(ROOT);
const HEADER = 'Types of every path, operation and schema, by openapi-typescript.';

/** What the emitter printed before the shortcut: `openapiTS()` with Redocly's rules off. */
async function throughOpenapiTS(document: Record<string, unknown>, vendor: string): Promise<string> {
  const redocly = await createConfig({ rules: {} } as never);
  const ast = await openapiTS(structuredClone(document) as never, { ...typesOptions(document), redocly });
  return fileHeader(vendor, HEADER) + '\n' + astToString(ast);
}

const small = {
  openapi: '3.0.3',
  info: { title: 'parity', version: '1' },
  paths: {
    '/pets/{id}': {
      parameters: [{ $ref: '#/components/parameters/Id' }],
      get: {
        operationId: 'getPet',
        responses: { '200': { $ref: '#/components/responses/Pet' }, default: { description: 'error', headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } } } },
      },
      post: {
        operationId: 'postPet',
        requestBody: { $ref: '#/components/requestBodies/Pet' },
        responses: { '201': { $ref: '#/components/responses/Pet' } },
      },
    },
  },
  components: {
    parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
    headers: { RequestId: { schema: { type: 'string' } } },
    requestBodies: { Pet: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
    responses: { Pet: { description: 'a pet', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
    schemas: {
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
      },
      Base: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, name: { type: 'string', nullable: true, default: 'x' } } },
      Cat: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { lives: { type: 'integer', enum: [1, 9] } } }] },
      Dog: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', additionalProperties: { type: 'string' } }] },
    },
  },
};

describe('types.d.ts matches openapiTS()', () => {
  it('on a small document with a discriminator and refs to schemas, parameters, headers, request bodies and responses', async () => {
    const ours = await emitTypes(structuredClone(small), 'parity');
    expect(ours).toContain('kind: "cat"');
    expect(ours).toBe(await throughOpenapiTS(small, 'parity'));
  });

  it.each(vendors)('on the typing document of %s', { timeout: 120_000 }, async (vendor) => {
    const { config } = await loadConfig(ROOT);
    const vendorConfig = config.vendors?.[vendor] ?? {};
    const loaded = await loadVendor(vendor, { root: ROOT, download: false });
    const model = buildApiModel(loaded, {
      ...(vendorConfig.include ? { include: vendorConfig.include } : {}),
      ...(vendorConfig.exclude ? { exclude: vendorConfig.exclude } : {}),
      ...(vendorConfig.policy ? { policy: vendorConfig.policy as never } : {}),
    });
    const { document } = typingDocument(loaded.document, model);
    const expected = await throughOpenapiTS(document, vendor);
    expect(await emitTypes(document, vendor)).toBe(expected);
  });
});
