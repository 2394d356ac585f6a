// The model stage: one vendor's effective document → ApiModel. Vendor facts come from the
// document's `x-svcgen` profile (our overlays) and the user's config; nothing here names a vendor.
import type { LoadedVendor } from '../load/index.ts';
import { SvcgenInputError } from '../load/errors.ts';
import { buildWebhookModel } from './webhooks.ts';
import { profileSchema, type VendorProfile } from './profile.ts';
import { buildOperations } from './operations.ts';
import { assignFunctionNames } from './function-names.ts';
import { getAtPointer } from '../json-pointer.ts';
import type { ApiModel, AuthModel, OperationModel, VendorPolicy } from './types.ts';

export interface ModelOptions {
  /** Keep only operations with one of these tags or ids (empty: all). */
  include?: { tags?: string[]; operations?: string[] };
  exclude?: { tags?: string[]; operations?: string[] };
  /** Deep-partial policy overrides from the user's config. */
  policy?: Partial<VendorPolicy>;
}

export function readProfile(loaded: LoadedVendor): VendorProfile {
  const raw = loaded.document['x-svcgen'];
  const where = `specs/overlays/${loaded.vendor}/`;
  if (raw === undefined) {
    throw new SvcgenInputError(
      { file: where, pointer: '/x-svcgen' },
      `no overlay sets the root \`x-svcgen\` profile for vendor '${loaded.vendor}'`,
    );
  }
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const pointer = '/x-svcgen' + issue.path.map((p) => '/' + String(p)).join('');
    throw new SvcgenInputError({ file: where, pointer }, `invalid vendor profile: ${issue.message}`);
  }
  return parsed.data;
}

function authModel(profile: VendorProfile, ops: OperationModel[], vendor: string): AuthModel {
  const auth = profile.auth;
  if (auth.kind !== 'token-exchange') return { kind: auth.kind };
  const login = ops.find((o) => o.method === 'post' && o.path === auth.loginPath);
  if (!login) {
    throw new SvcgenInputError(
      { file: `specs/overlays/${vendor}/`, pointer: '/x-svcgen/auth/loginPath' },
      `login path '${auth.loginPath}' is not a POST operation of the document`,
    );
  }
  return {
    kind: 'token-exchange',
    loginOperation: login.id,
    loginPath: auth.loginPath,
    credentialHeaders: { ...auth.credentialHeaders, ...auth.optionalHeaders },
    tokenField: auth.tokenField,
    expiresAtField: auth.expiresAtField,
    refreshSkewSeconds: auth.refreshSkewSeconds,
  };
}

function selected(op: OperationModel, options: ModelOptions): boolean {
  const hit = (f?: { tags?: string[]; operations?: string[] }) =>
    Boolean(f && (f.operations?.includes(op.id) || op.tags.some((t) => f.tags?.includes(t))));
  const inc = options.include;
  const included = !inc || (!inc.tags?.length && !inc.operations?.length) || hit(inc);
  return included && !hit(options.exclude);
}

function mergePolicy(base: VendorPolicy, override: Partial<VendorPolicy> | undefined): VendorPolicy {
  if (!override) return base;
  return {
    ...base,
    ...override,
    retry: { ...base.retry, ...override.retry },
    breaker: { ...base.breaker, ...override.breaker },
    rateLimits: { ...base.rateLimits, ...override.rateLimits },
  };
}

export function buildApiModel(loaded: LoadedVendor, options: ModelOptions = {}): ApiModel {
  const doc = loaded.document;
  const profile = readProfile(loaded);
  const all = buildOperations(doc, profile);
  const auth = authModel(profile, all, loaded.vendor);
  const keep = all.filter((op) => selected(op, options) || (auth.kind === 'token-exchange' && op.id === auth.loginOperation));
  const renamed = [...loaded.renamed, ...assignFunctionNames(keep)];

  const model: ApiModel = {
    vendor: loaded.vendor,
    displayName: profile.displayName,
    title: String(doc.info?.title ?? loaded.vendor),
    specVersion: String(doc.info?.version ?? ''),
    servers: profile.servers.map((s) => ({ ...s })),
    auth,
    policy: mergePolicy(profile.policy as VendorPolicy, options.policy),
    callHeaders: profile.callHeaders,
    operations: keep,
    renamed,
  };
  if (profile.apiVersion) {
    const { header, optionName, valueFrom } = profile.apiVersion;
    const fromDoc = valueFrom ? getAtPointer(doc, valueFrom) : undefined;
    const value = profile.apiVersion.value ?? (typeof fromDoc === 'string' ? fromDoc : undefined);
    model.apiVersion = value === undefined ? { header, optionName } : { header, optionName, value };
  }
  const webhooks = buildWebhookModel(doc);
  if (webhooks) model.webhooks = webhooks;
  return model;
}
