// Swagger 2.0 input: repairs by rule (listed), conversion, and unique operationIds.
import { afterEach, describe, expect, it } from 'vitest';
import { loadVendor } from '../../../generator/load/index.ts';
import { fixture, tempProject } from './temp-project.ts';
import type { TempProject } from './temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function loadShop() {
  project = await tempProject({ shop: { format: 'swagger-2.0', files: [{ path: 'shop/swagger.json', content: await fixture('swagger2-shop.json') }] } });
  await project.writeOverlay('shop', '10-missing-definitions.yaml', await fixture('swagger2-shop-missing-definitions.yaml'));
  return loadVendor('shop', { root: project.root, mirror: project.mirror, download: false });
}

describe('Swagger 2.0', () => {
  it('converts to OpenAPI 3 and lists every repair it made', async () => {
    const loaded = await loadShop();
    expect(loaded.sourceFormat).toBe('swagger-2.0');
    expect(loaded.document.openapi).toMatch(/^3\.0\./);
    expect(loaded.document.servers).toEqual([{ url: 'https://api.shop.test' }]);
    expect(loaded.fixes.map((fix) => fix.pointer)).toEqual([
      '/paths/~1api~1v1~1invoices~1{id}~1items/get/parameters/0/required',
      '/paths/~1api~1v1~1invoices~1{id}~1void/post/parameters/0/required',
      '/paths/~1api~1v1~1invoices~1{id}~1void/post/responses/200/description',
    ]);
    expect(loaded.fixes.every((fix) => fix.file === 'shop/swagger.json')).toBe(true);
    const items = loaded.document.paths['/api/v1/invoices/{id}/items'].get;
    expect(items.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(loaded.document.paths['/api/v1/invoices/{id}/void'].post.responses['200'].description).toBe('OK');
    expect(loaded.document.paths['/api/v1/invoices/{id}/void'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/VoidRequest');
  });

  it('renames every operation that shares an operationId, by the path segments that differ', async () => {
    const loaded = await loadShop();
    expect(loaded.document.paths['/api/v1/prices'].get.operationId).toBe('searchUsingGET_Prices');
    expect(loaded.document.paths['/api/v1/invoices/{id}/items'].get.operationId).toBe('searchUsingGET_InvoicesItems');
    expect(loaded.document.paths['/api/v1/invoices/{id}/void'].post.operationId).toBe('voidInvoice');
    expect(loaded.renamed).toEqual([
      expect.objectContaining({ from: 'searchUsingGET', to: 'searchUsingGET_InvoicesItems', operation: 'GET /api/v1/invoices/{id}/items' }),
      expect.objectContaining({ from: 'searchUsingGET', to: 'searchUsingGET_Prices', operation: 'GET /api/v1/prices' }),
    ]);
  });

  it('produces the same document from the conversion cache as from a fresh conversion', async () => {
    const first = await loadShop();
    const firstJson = JSON.stringify(first.document);
    const again = await loadVendor('shop', { root: project!.root, mirror: project!.mirror, download: false });
    expect(JSON.stringify(again.document)).toBe(firstJson);
    expect(again.fixes).toEqual(first.fixes);
  });
});
