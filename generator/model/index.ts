// The model stage: one vendor's effective document → ApiModel. Vendor facts come from the
// document's `x-svcgen` profile (our overlays) and the user's config; nothing here names a vendor.
import type { LoadedVendor } from '../load/index.ts';
import { EFFECTIVE_DOCUMENT, SvcgenInputError } from '../load/errors.ts';
import { buildWebhookModel } from './webhooks.ts';
import { parseProfile, type VendorProfile } from './profile.ts';
import { buildOperations } from './operations.ts';
import { assignFunctionNames } from './function-names.ts';
import { reservedModuleNames } from './module-names.ts';
import { getAtPointer } from '../json-pointer.ts';
import type { ApiModel, OperationModel, VendorPolicy } from './types.ts';
import { buildAuthModel, checkOptionNames, markAuthParameters } from './auth.ts';
import { splitUnsendable } from './unsendable.ts';

export interface ModelOptions {
  /** Keep only operations with one of these tags or ids (empty: all). */
  include?: { tags?: string[]; operations?: string[] };
  exclude?: { tags?: string[]; operations?: string[] };
  /** Deep-partial policy overrides from the user's config. */
  policy?: Partial<VendorPolicy>;
}

export function readProfile(loaded: LoadedVendor): VendorProfile {
  const raw = loaded.document['x-svcgen'];
  const folder = `specs/overlays/${loaded.vendor}/`;
  if (raw === undefined) {
    throw new SvcgenInputError(
      { file: folder },
      `no overlay file in this folder sets the root \`x-svcgen\` profile for vendor '${loaded.vendor}' (add one, e.g. 00-profile.yaml, with an action targeting \`$\`)`,
    );
  }
  return parseProfile(raw, loaded.locate ?? ((pointer) => ({ file: folder, pointer })));
}

/** Runs `work`; an error it reports at a profile pointer is moved to the overlay file and line that wrote the value. */
function inProfile<T>(loaded: LoadedVendor, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof SvcgenInputError) || !loaded.locate || !error.pointer?.startsWith('/x-svcgen')) throw error;
    throw new SvcgenInputError(loaded.locate(error.pointer), error.problem, { cause: error });
  }
}

/** Runs `work`; an error it reports at a pointer of the effective document is moved to the file (and line) that wrote it. */
function inDocument<T>(loaded: LoadedVendor, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof SvcgenInputError) || error.file !== EFFECTIVE_DOCUMENT || error.pointer === undefined) throw error;
    throw new SvcgenInputError(loaded.locate?.(error.pointer) ?? { file: `the effective document of '${loaded.vendor}'`, pointer: error.pointer }, error.problem, { cause: error });
  }
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
  const all = inDocument(loaded, () => buildOperations(doc, profile));
  const auth = inProfile(loaded, () => buildAuthModel(doc, profile, all, loaded.vendor));
  inProfile(loaded, () => checkOptionNames(profile, auth, loaded.vendor));
  markAuthParameters(all, auth);
  const { sendable: keep, omitted } = splitUnsendable(all.filter((op) => selected(op, options) || (auth.kind === 'token-exchange' && op.id === auth.loginOperation)));
  if (auth.kind === 'schemes') {
    const kept = new Set(keep.map((op) => op.id));
    for (const id of Object.keys(auth.operations)) if (!kept.has(id)) delete auth.operations[id];
  }
  // A webhook profile error is moved to the overlay file and line that wrote the value, as a profile error is.
  const webhooks = inProfile(loaded, () => buildWebhookModel(doc));
  const reserved = reservedModuleNames({ vendor: loaded.vendor, displayName: profile.displayName, webhooks });
  const renamed = [...loaded.renamed, ...assignFunctionNames(keep, reserved)];

  const model: ApiModel = {
    vendor: loaded.vendor,
    displayName: profile.displayName,
    title: String(doc.info?.title ?? loaded.vendor),
    specVersion: String(doc.info?.version ?? ''),
    servers: profile.servers.map((s) => ({ ...s })),
    auth,
    policy: mergePolicy(profile.policy as VendorPolicy, options.policy),
    callHeaders: profile.callHeaders,
    secretShapes: profile.secretShapes,
    operations: keep,
    omitted,
    renamed,
  };
  if (profile.apiVersion) {
    const { header, optionName, valueFrom } = profile.apiVersion;
    const fromDoc = valueFrom ? getAtPointer(doc, valueFrom) : undefined;
    const value = profile.apiVersion.value ?? (typeof fromDoc === 'string' ? fromDoc : undefined);
    model.apiVersion = value === undefined ? { header, optionName } : { header, optionName, value };
  }
  if (webhooks) model.webhooks = webhooks;
  return model;
}
