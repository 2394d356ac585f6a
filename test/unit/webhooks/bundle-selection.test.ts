// A Worker that verifies one scheme's webhooks bundles that scheme's verifier and the body check
// of its own delivery kind only: no other scheme, no registry, no scheme object.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifierExportName, webhookSchemes } from '../../../runtime/webhooks.ts';
import { bundleText } from '../../support/bundle-text.ts';

const RUNTIME = path.resolve(import.meta.dirname, '../../../runtime/webhooks.ts');

/** The bundle (not minified, so names survive) of a module that exports `name` from the webhook runtime. */
function bundle(name: string): Promise<string> {
  return bundleText(`export { ${name} } from ${JSON.stringify(RUNTIME)};`, path.dirname(RUNTIME));
}

describe('what verifying one scheme bundles', () => {
  for (const [id, scheme] of Object.entries(webhookSchemes)) {
    it(`${id}: its verifier, its delivery kind's body check, nothing of the other schemes`, async () => {
      const code = await bundle(verifierExportName(id));
      expect(code).toContain(`var ${verifierExportName(id)} = `);
      for (const other of Object.keys(webhookSchemes).filter((o) => o !== id)) {
        expect(code).not.toContain(`var ${verifierExportName(other)} = `);
      }
      expect(code).not.toContain(`id: "${id}"`);
      expect(code).not.toContain('function verifyWithScheme(');
      expect(code).not.toContain('webhookSchemes');
      expect(code.includes('var oneEvent = ')).toBe(scheme.delivery === 'object');
      expect(code.includes('var eventBatch = ')).toBe(scheme.delivery === 'array');
    });
  }
});
