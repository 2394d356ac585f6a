// The webhook model reads only data: the `x-svcgen-webhooks` profile and the document. Its code
// names no vendor; each vendor's profile is exercised in model.<vendor>.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWebhookModel } from '../../../generator/model/webhooks.ts';
import { pinnedVendors } from '../../support/project.ts';

describe('buildWebhookModel', () => {
  it('is undefined for a document without a webhook profile', () => {
    expect(buildWebhookModel({ openapi: '3.1.0', paths: {} })).toBeUndefined();
  });
});

describe('no vendor names in the generic code', () => {
  it('neither the model nor the emitter mentions a vendor pinned in specs/lock.json', async () => {
    const vendors = await pinnedVendors();
    expect(vendors.length).toBeGreaterThan(0);
    for (const file of ['../../../generator/model/webhooks.ts', '../../../generator/emit/webhooks.ts']) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8').toLowerCase();
      expect(vendors.filter((vendor) => source.includes(vendor.toLowerCase())), file).toEqual([]);
    }
  });
});
