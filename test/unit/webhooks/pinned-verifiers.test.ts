// For every pinned vendor with webhooks, the generated verifier accepts what the init'd Worker's
// test signer signs with the keys `svcgen init` makes for that vendor, and refuses the same
// delivery altered, signed with another key, or signed an hour ago (when the scheme signs a
// timestamp). Built-in schemes and schemes declared in a profile go through the same path, so a
// fourth vendor's declared scheme is checked here without a line naming it
// (test/unit/fourth-vendor.test.ts runs this suite over such a vendor).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testKeys } from '../../../generator/init/keys.ts';
import type { WebhookModel } from '../../../generator/model/types.ts';
import { loadScaffoldModel } from '../../../generator/scaffold/load-model.ts';
import { signDeclared, signers, type Signed } from '../../../templates/init/test/support/signers.ts';
import { PROJECT_ROOT, pinnedVendors } from '../../support/project.ts';
import { DELIVERY_REQUEST } from '../../support/declared-schemes.ts';

const MIRROR = path.resolve(PROJECT_ROOT, process.env.SVCGEN_SPEC_MIRROR ?? '../shared/specs');
const LOCK = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'specs', 'lock.json'), 'utf8')) as { vendors: Record<string, { files: { path: string; role: string }[] }> };
const hasMirror = (vendor: string) => LOCK.vendors[vendor]!.files.every((file) => file.role !== 'input' || existsSync(path.join(MIRROR, file.path)));

type Verify = (
  body: string,
  headers: Record<string, string>,
  secret: string,
  options?: { now?: () => number; url?: string; method?: string },
) => Promise<{ ok: boolean; reason?: string; event?: unknown }>;

async function sign(webhooks: WebhookModel, body: string, key: string, at: number): Promise<Record<string, string>> {
  let signed: Signed;
  if (webhooks.signature) signed = await signDeclared(webhooks.signature, body, key, at, DELIVERY_REQUEST);
  else signed = await signers[webhooks.scheme]!(body, key, at);
  const headers: Record<string, string> = { ...signed.headers, [webhooks.headers!.signature]: signed.signature };
  if (signed.timestamp !== undefined) headers[webhooks.headers!.timestamp!] = signed.timestamp;
  return headers;
}

const vendors = await pinnedVendors();

describe.each(vendors.filter(hasMirror))('the generated webhook verifier of %s', async (vendor) => {
  const { model, generatedDir } = await loadScaffoldModel({ root: PROJECT_ROOT, vendor });
  const webhooks = model.webhooks;
  it.runIf(webhooks === undefined)('has no webhooks.ts when the profile declares no webhooks', () => {
    expect(existsSync(path.join(generatedDir, 'webhooks.ts'))).toBe(false);
  });
  if (!webhooks) return;

  const module = (await import(pathToFileURL(path.join(generatedDir, 'webhooks.ts')).href)) as Record<string, unknown>;
  const verifierName = Object.keys(module).find((name) => /^verify\w+Webhook$/.test(name));
  const verifyAs = module[verifierName!] as Verify;
  const verify = (body: string, headers: Record<string, string>, secret: string) => verifyAs(body, headers, secret, DELIVERY_REQUEST);
  const keys = testKeys(webhooks.scheme, webhooks.signature);
  const other = testKeys(webhooks.scheme, webhooks.signature);
  const event = { [webhooks.eventId ?? 'id']: 'evt_pinned_1', [webhooks.discriminator]: webhooks.events[0]!.name };
  const body = JSON.stringify(webhooks.delivery === 'array' ? [event] : event);
  // Every built-in scheme signs a timestamp; a declared one says whether it does.
  const signsTime = webhooks.signature ? webhooks.signature.timestamp !== undefined : true;

  it(`accepts a delivery signed as the init'd Worker's tests sign it (${webhooks.scheme}${webhooks.signature ? ` ${webhooks.signature.algorithm}` : ''})`, async () => {
    expect(verifierName).toBeDefined();
    const result = await verify(body, await sign(webhooks, body, keys.sign, Date.now()), keys.verify);
    expect(result).toEqual({ ok: true, event: JSON.parse(body) });
  });

  it('refuses it altered after signing, or signed with a key it was not given', async () => {
    const headers = await sign(webhooks, body, keys.sign, Date.now());
    expect(await verify(body.replace('evt_pinned_1', 'evt_pinned_2'), headers, keys.verify)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
    expect(await verify(body, await sign(webhooks, body, other.sign, Date.now()), keys.verify)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
  });

  it.runIf(signsTime)('refuses it signed an hour ago', async () => {
    const headers = await sign(webhooks, body, keys.sign, Date.now() - 3_600_000);
    expect(await verify(body, headers, keys.verify)).toMatchObject({ ok: false, reason: 'timestamp-out-of-tolerance' });
  });
});
