// The project rule: nothing outside specs/, the vendors' overlays and their own tests names a
// vendor. This walks the generic code and fails on any name pinned in specs/lock.json, except
// inside a webhook scheme id (`stripe-v1`, `verifyStripeV1`: public API names of signature
// schemes, kept so users' code keeps working), in a scheme's own module (named by its id), and in
// the few files listed below with the reason each one stays.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webhookSchemes } from '../../runtime/webhooks/schemes.ts';
import { REPO_ROOT, pinnedVendors } from '../support/project.ts';

/** Folders of vendor-generic code, and what inside them is vendor-specific by design. */
const GENERIC = ['generator', 'runtime', 'templates', 'bench/lib', 'bench/peers', 'test/support', 'scripts', 'bin'];
const BY_DESIGN = ['templates/init/examples/'];
const TEXT = /\.(?:[cm]?[jt]s|hbs|json|ya?ml|md)$/;

/** Files that keep a vendor's name, and why. */
const KEEPS_A_NAME: Readonly<Record<string, string>> = {
  'runtime/encoding/form.ts': 'names its byte-for-byte reference, the stripe-node encoder',
  'runtime/webhooks.ts': 're-exports parseStripeSignatureHeader, public API of the stripe-v1 scheme module',
  'bench/lib/cli.ts': 'a goal held against a named peer package (@sendgrid/eventwebhook)',
  'bench/lib/machine.ts': "reports the version of the peer package 'stripe' the benchmarks compare with",
};

function files(dir: string): string[] {
  const absolute = path.join(REPO_ROOT, dir);
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && TEXT.test(entry.name))
    .map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

const schemeIds = Object.keys(webhookSchemes);
/** Scheme ids as they appear in code: `stripe-v1`, `stripeV1` (and so `verifyStripeV1`, `StripeV1`). */
const schemeTokens = schemeIds.flatMap((id) => [id, id.replace(/[-_.]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase())]);

function withoutSchemeIds(text: string): string {
  let out = text.toLowerCase();
  for (const token of schemeTokens) out = out.replaceAll(token.toLowerCase(), '');
  return out;
}

describe('the generic code names no vendor', () => {
  it('outside scheme ids, scheme modules and the listed files', async () => {
    const vendors = (await pinnedVendors(REPO_ROOT)).map((vendor) => vendor.toLowerCase());
    expect(vendors.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of GENERIC.flatMap(files)) {
      if (BY_DESIGN.some((prefix) => file.startsWith(prefix)) || Object.hasOwn(KEEPS_A_NAME, file)) continue;
      if (schemeIds.includes(path.basename(file).replace(TEXT, ''))) continue;
      const text = withoutSchemeIds(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
      for (const vendor of vendors) if (text.includes(vendor)) found.push(`${file}: ${vendor}`);
    }
    expect(found).toEqual([]);
  });

  it('every listed file still needs its entry', async () => {
    const vendors = (await pinnedVendors(REPO_ROOT)).map((vendor) => vendor.toLowerCase());
    for (const file of Object.keys(KEEPS_A_NAME)) {
      const text = withoutSchemeIds(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
      expect(vendors.some((vendor) => text.includes(vendor)), file).toBe(true);
    }
  });
});
