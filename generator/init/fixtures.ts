// The data of the Worker's signed webhook fixtures: for each vendor with webhooks, where its
// receiver listens, how its scheme signs (runtime scheme id, header names from the vendor's
// webhook profile), a test key pair, and one sample event per chosen handler, shaped by the
// profile (event id field, discriminator, object path). The signing itself happens in the Worker's
// tests (test/support/signers.ts), at test time, so timestamps are fresh.
import type { DeclaredSignature } from '../../runtime/webhooks/declared-spec.ts';
import type { ApiModel } from '../model/types.ts';
import { testKeys } from './keys.ts';
import { mountedPath } from './mounts.ts';

export interface WebhookFixture {
  vendor: string;
  displayName: string;
  /** Where the vendor's routes file is mounted in the Worker (`/`, or `/<vendor>` when its routes collide with another's). */
  mount: string;
  /** The receiver's path in the Worker (under the mount). */
  path: string;
  scheme: string;
  /** The profile's description of a declared scheme (`scheme` is then `declared`). */
  signature?: DeclaredSignature;
  delivery: 'object' | 'array' | 'form';
  headers: { signature: string; timestamp?: string };
  discriminator: string;
  eventId: string;
  secretBinding: string;
  keys: { verify: string; sign: string };
  events: { name: string; sample: Record<string, unknown> }[];
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else node = (node[key] ??= {}) as Record<string, unknown>;
  });
}

export function webhookFixture(
  model: ApiModel,
  events: string[],
  secretBinding: string,
  enrich: (event: string) => Record<string, unknown> = () => ({}),
  mount = '/',
): WebhookFixture | undefined {
  const webhooks = model.webhooks;
  if (!webhooks || events.length === 0) return undefined;
  const eventId = webhooks.eventId ?? 'id';
  // The runtime's schemes have defaults, but the fixture must name the headers it signs into.
  if (!webhooks.headers) throw new Error(`svcgen init: ${model.vendor}'s webhook profile names no signature header (x-svcgen-webhooks.headers)`);
  return {
    vendor: model.vendor,
    displayName: model.displayName,
    mount,
    path: mountedPath(mount, `/webhooks/${model.vendor}`),
    scheme: webhooks.scheme,
    ...(webhooks.signature ? { signature: webhooks.signature } : {}),
    delivery: webhooks.delivery,
    headers: webhooks.headers,
    discriminator: webhooks.discriminator,
    eventId,
    secretBinding,
    keys: testKeys(webhooks.scheme, webhooks.signature),
    events: events.map((name, i) => {
      const sample: Record<string, unknown> = { [eventId]: `evt_fixture_${i + 1}`, [webhooks.discriminator]: name };
      if (webhooks.objectPath?.length) setPath(sample, webhooks.objectPath, { id: `obj_fixture_${i + 1}` });
      for (const [path, value] of Object.entries(enrich(name))) setPath(sample, path.split('.'), value);
      return { name, sample };
    }),
  };
}
