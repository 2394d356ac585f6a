// The names a vendor's generated modules give at module level besides the operations' functions.
// An operation's function shares a scope with them: index.ts re-exports client.ts, operations.js,
// webhooks.ts and three types of types.d.ts, operations.d.ts imports `operations`, and a scaffolded
// routes file imports routes.ts beside the operations. A function named like one of them made
// index.ts ambiguous (it did not compile, and Node silently dropped both exports, the client
// factory among them) or was shadowed by the type of the same name; so model/function-names.ts
// keeps every function and paginator clear of them. The emitters take the names from here, so what
// is reserved is what is emitted. (operations.js's own names cannot clash: runtime helpers are
// bound under `$` aliases, emit/runtime-bindings.ts, and metadata constants step aside,
// emit/operations.ts metaName; schemas.js allocates its names apart, emit/zod.ts.)
import type { ApiModel } from './types.ts';

/** The types of types.d.ts that index.ts re-exports (operations.d.ts imports `operations` too). */
export const TYPES_EXPORTS = ['components', 'operations', 'paths'] as const;

/** The exports of client.ts. */
export function clientNames(vendor: string, displayName: string) {
  return {
    profile: `${vendor.replace(/[^A-Za-z0-9]/g, '')}Profile`,
    auth: `${displayName}Auth`,
    settings: `${displayName}ClientSettings`,
    options: `${displayName}ClientOptions`,
    callOptions: `${displayName}CallOptions`,
    client: `${displayName}Client`,
    factory: `create${displayName}Client`,
  };
}

/** The exports of webhooks.ts, named after `prefix` (`webhooks.namePrefix`, else the display name). */
export function webhookExportNames(prefix: string) {
  const lower = prefix[0]!.toLowerCase() + prefix.slice(1);
  return {
    events: `${prefix}WebhookEvents`,
    eventName: `${prefix}WebhookEventName`,
    event: `${prefix}WebhookEvent`,
    payload: `${prefix}WebhookPayload`,
    verify: `verify${prefix}Webhook`,
    router: `create${prefix}WebhookRouter`,
    middleware: `${lower}WebhookMiddleware`,
  };
}

/**
 * The prefixed exports of routes.ts. It is not in index.ts, but `svcgen scaffold` imports its
 * routes factory into the user's file beside the operations' functions. (Its other exports are
 * fixed PascalCase type names, which no function name takes: model/naming.ts camelCase starts
 * with a lowercase letter or `_`.)
 */
export function webhookRoutesNames(prefix: string) {
  return {
    routes: `create${prefix}WebhookRoutes`,
    routesOptions: `${prefix}WebhookRoutesOptions`,
    consumer: `consume${prefix}WebhookQueue`,
    consumerOptions: `${prefix}WebhookQueueOptions`,
  };
}

/** What the vendor's reserved names are decided by. */
export type ModuleNamesInput = Pick<ApiModel, 'vendor' | 'displayName' | 'webhooks'>;

/** Every name an operation's function or paginator must not take, with what holds it (for the rename's reason). */
export function reservedModuleNames(input: ModuleNamesInput): Map<string, string> {
  const reserved = new Map<string, string>();
  for (const name of TYPES_EXPORTS) reserved.set(name, `the \`${name}\` type of types.d.ts that index.ts re-exports`);
  for (const name of Object.values(clientNames(input.vendor, input.displayName))) reserved.set(name, `an export of client.ts`);
  if (input.webhooks) {
    const prefix = input.webhooks.namePrefix ?? input.displayName;
    for (const name of Object.values(webhookExportNames(prefix))) reserved.set(name, 'an export of webhooks.ts');
    for (const name of Object.values(webhookRoutesNames(prefix))) reserved.set(name, 'an export of routes.ts');
  }
  return reserved;
}
