// Which routes and webhook handlers each vendor's routes file gets: `--operation` and `--event`
// resolved against the vendors' models (a bare name goes to the vendor(s) that know it), plus what
// the chosen example needs. Unknown or ambiguous names are usage errors naming the flag.
import { SvcgenInputError } from '../load/index.ts';
import { NAME_THE_SCHEME } from '../scaffold/unsigned-webhooks.ts';
import type { ApiModel } from '../model/types.ts';

export interface VendorSelection {
  operations: string[];
  events: string[];
}

function split(value: string, vendors: string[]): { vendor?: string; name: string } {
  const at = value.indexOf(':');
  if (at > 0 && vendors.includes(value.slice(0, at))) return { vendor: value.slice(0, at), name: value.slice(at + 1) };
  return { name: value };
}

function hasOperation(model: ApiModel, name: string): boolean {
  const lower = name.toLowerCase();
  return model.operations.some((o) => o.id === name || o.functionName === name || o.originalId === name || o.id.toLowerCase() === lower);
}

function hasEvent(model: ApiModel, name: string): boolean {
  return Boolean(model.webhooks?.events.some((e) => e.name === name));
}

export function selectPerVendor(
  models: ReadonlyMap<string, ApiModel>,
  operations: string[],
  events: string[],
  extra: Readonly<Record<string, Partial<VendorSelection>>> = {},
  /** Each vendor's webhooks its spec lists (3.1 `webhooks`), verified or not: for the refusal's wording. */
  listed: ReadonlyMap<string, readonly string[]> = new Map(),
): Map<string, VendorSelection> {
  const vendors = [...models.keys()];
  const out = new Map(vendors.map((v) => [v, { operations: [...(extra[v]?.operations ?? [])], events: [...(extra[v]?.events ?? [])] }]));
  for (const raw of operations) {
    const { vendor, name } = split(raw, vendors);
    const owners = (vendor ? [vendor] : vendors).filter((v) => hasOperation(models.get(v)!, name));
    if (owners.length === 0) throw new SvcgenInputError({ file: '--operation' }, `no chosen vendor (${vendors.join(', ')}) has an operation '${name}'`);
    if (owners.length > 1) throw new SvcgenInputError({ file: '--operation' }, `'${name}' is an operation of ${owners.join(' and ')}: write VENDOR:${name}`);
    out.get(owners[0]!)!.operations.push(name);
  }
  for (const raw of events) {
    const { vendor, name } = split(raw, vendors);
    const owners = (vendor ? [vendor] : vendors).filter((v) => hasEvent(models.get(v)!, name));
    if (owners.length === 0) {
      const unsigned = (vendor ? [vendor] : vendors).filter((v) => !models.get(v)!.webhooks && listed.get(v)?.includes(name));
      throw new SvcgenInputError(
        { file: '--event' },
        unsigned.length
          ? `${unsigned.join(' and ')}'s spec lists the webhook '${name}' but no signature scheme: ${NAME_THE_SCHEME} to receive it verified`
          : `no chosen vendor (${vendors.join(', ')}) sends a webhook event '${name}'`,
      );
    }
    for (const owner of owners) out.get(owner)!.events.push(name);
  }
  for (const [vendor, selection] of out) {
    selection.operations = [...new Set(selection.operations)];
    selection.events = [...new Set(selection.events)];
    // Every vendor with webhooks gets a receiver with at least one handler, so its signed fixture
    // has an event to dispatch.
    const first = models.get(vendor)!.webhooks?.events[0]?.name;
    if (selection.events.length === 0 && first) selection.events.push(first);
  }
  return out;
}
