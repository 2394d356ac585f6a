// Webhooks as data: the signature scheme and delivery shape come from the root
// `x-svcgen-webhooks` extension (our overlays), the events from either
//   - an enum somewhere in the document (`eventsFrom.pointer`), each event's object schema derived
//     by ordered rewrite rules over its name plus explicit overrides, or
//   - OpenAPI 3.1 `webhooks`: one webhook per event, or one batched webhook whose items are a
//     `oneOf` with a discriminator mapping (event name → schema).
// Nothing here names a vendor; a vendor differs only by what its overlay declares.
import { z } from 'zod';
import { SvcgenInputError } from '../load/errors.ts';
import { isWebhookSchemeId, webhookSchemes } from '../../runtime/webhooks/schemes.ts';
import { declaredDeliveryProblem, declaredSignatureProblem, type DeclaredSignature } from '../../runtime/webhooks/declared-spec.ts';
import { DECLARED_SCHEME_ID } from './types.ts';
import { declaredSignatureSchema } from './declared-signature.ts';
import { deref, escapePointerSegment, toPointer, unescapePointerSegment } from '../json-pointer.ts';
import { classifyMediaType } from '../media-type.ts';
import type { SchemaObject, WebhookEventModel, WebhookModel } from './types.ts';

type Doc = Record<string, any>;

export const WEBHOOK_PROFILE_KEY = 'x-svcgen-webhooks';

const schemaObject = z.record(z.string(), z.unknown());

const webhookProfileSchema = z.strictObject({
  // A built-in scheme's id, or a scheme declared as data for a vendor the runtime has no module for.
  scheme: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  delivery: z.enum(['object', 'array', 'form']),
  discriminator: z.string().min(1),
  eventId: z.string().min(1).optional(),
  toleranceSeconds: z.number().nonnegative().default(300),
  namePrefix: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a PascalCase identifier').optional(),
  headers: z.strictObject({ signature: z.string().min(1), timestamp: z.string().min(1).optional() }).optional(),
  envelope: schemaObject.optional(),
  objectPath: z.array(z.string().min(1)).min(1).optional(),
  eventsFrom: z
    .strictObject({
      pointer: z.string().startsWith('/'),
      exclude: z.array(z.string()).default([]),
      objectSchema: z
        .strictObject({
          rules: z.array(z.strictObject({ match: z.string(), schema: z.string() })).default([]),
          overrides: z.record(z.string(), z.union([z.string(), z.null(), schemaObject])).default({}),
        })
        .optional(),
    })
    .optional(),
});

export type WebhookProfile = Omit<z.infer<typeof webhookProfileSchema>, 'scheme'> & { scheme: string | DeclaredSignature };

/**
 * The webhook model of an effective document, or undefined when its overlays declare no webhooks.
 * `origin` names the document in error messages.
 */
export function buildWebhookModel(document: Doc, origin = 'effective document'): WebhookModel | undefined {
  const raw = document[WEBHOOK_PROFILE_KEY];
  if (raw === undefined) return undefined;
  const fail = (pointer: string, problem: string): never => {
    throw new SvcgenInputError({ file: origin, pointer }, problem);
  };
  const profile = readProfile(raw, fail);

  const events = new Map<string, WebhookEventModel>();
  const add = (event: WebhookEventModel, pointer: string) => {
    if (events.has(event.name)) fail(pointer, `event '${event.name}' is described twice`);
    events.set(event.name, event);
  };
  if (profile.eventsFrom) {
    for (const event of eventsFromEnum(document, profile.eventsFrom, fail)) add(event, toPointer([WEBHOOK_PROFILE_KEY, 'eventsFrom']));
  }
  for (const { event, pointer } of eventsFromWebhooks(document, profile, fail)) add(event, pointer);
  if (events.size === 0) fail(`/${WEBHOOK_PROFILE_KEY}`, 'no events: neither `eventsFrom` nor the document\'s `webhooks` describe any');

  const declared = typeof profile.scheme === 'object' ? profile.scheme : undefined;
  const model: WebhookModel = {
    scheme: declared ? DECLARED_SCHEME_ID : (profile.scheme as string),
    delivery: profile.delivery,
    discriminator: profile.discriminator,
    events: [...events.values()].sort((a, b) => compare(a.name, b.name)),
    toleranceSeconds: profile.toleranceSeconds,
  };
  if (profile.envelope) model.envelope = profile.envelope;
  if (profile.objectPath) {
    if (!profile.envelope) fail(toPointer([WEBHOOK_PROFILE_KEY, 'objectPath']), '`objectPath` needs an `envelope` to point into');
    if (profile.delivery === 'form') fail(toPointer([WEBHOOK_PROFILE_KEY, 'objectPath']), "a 'form' delivery's fields are text: it holds no object to point at");
    model.objectPath = profile.objectPath;
  }
  if (profile.headers) model.headers = { ...profile.headers };
  if (declared) {
    model.signature = declared;
    // The declared scheme names its own headers; the model carries them like a profile's `headers`.
    model.headers = { signature: declared.signature.header };
    if (declared.timestamp?.header) model.headers.timestamp = declared.timestamp.header;
  }
  if (profile.namePrefix) model.namePrefix = profile.namePrefix;
  if (profile.eventId) model.eventId = profile.eventId;
  return model;
}

function readProfile(raw: unknown, fail: (pointer: string, problem: string) => never): WebhookProfile {
  const parsed = webhookProfileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(toPointer([WEBHOOK_PROFILE_KEY, ...issue.path.map(String)]), `invalid webhook profile: ${issue.message}`);
  }
  const profile = parsed.data!;
  if (typeof profile.scheme === 'object') {
    // Checked on its own rather than inside a union, so an error points into the scheme.
    const declared = declaredSignatureSchema.safeParse(profile.scheme);
    if (!declared.success) {
      const issue = declared.error.issues[0]!;
      fail(toPointer([WEBHOOK_PROFILE_KEY, 'scheme', ...issue.path.map(String)]), `invalid declared scheme: ${issue.message}`);
    }
    const problem = declaredSignatureProblem(declared.data!);
    if (problem) fail(toPointer([WEBHOOK_PROFILE_KEY, 'scheme', ...problem.path]), problem.problem);
    const mismatch = declaredDeliveryProblem(declared.data!, profile.delivery);
    if (mismatch) fail(toPointer([WEBHOOK_PROFILE_KEY, 'scheme', 'payload']), mismatch);
    if (profile.headers) fail(toPointer([WEBHOOK_PROFILE_KEY, 'headers']), 'a declared scheme names its headers itself (`scheme.signature.header`, `scheme.timestamp.header`)');
    return { ...profile, scheme: declared.data! };
  } else if (!isWebhookSchemeId(profile.scheme)) {
    fail(
      toPointer([WEBHOOK_PROFILE_KEY, 'scheme']),
      `unknown scheme '${profile.scheme}'; the runtime knows ${Object.keys(webhookSchemes).join(', ')}, or declare it as an object (algorithm, payload, signature …)`,
    );
  } else if (webhookSchemes[profile.scheme].delivery !== profile.delivery) {
    fail(toPointer([WEBHOOK_PROFILE_KEY, 'delivery']), `scheme '${profile.scheme}' delivers '${webhookSchemes[profile.scheme].delivery}', not '${profile.delivery}'`);
  }
  return { ...profile, scheme: profile.scheme as string };
}

// ---- events listed by an enum ----------------------------------------------------------------

type EventsFrom = NonNullable<WebhookProfile['eventsFrom']>;

function eventsFromEnum(document: Doc, from: EventsFrom, fail: (pointer: string, problem: string) => never): WebhookEventModel[] {
  const at = toPointer([WEBHOOK_PROFILE_KEY, 'eventsFrom', 'pointer']);
  const names = resolveThroughRefs(document, from.pointer);
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    return fail(at, `'${from.pointer}' does not lead to an array of event names`);
  }
  const excluded = new Set(from.exclude);
  const resolveObject = objectSchemaResolver(document, from.objectSchema, fail);
  return (names as string[])
    .filter((name) => !excluded.has(name))
    .map((name) => {
      const { schema, description } = resolveObject(name);
      const event: WebhookEventModel = { name, schema };
      if (description) event.description = description;
      return event;
    });
}

/** Like a JSON pointer lookup, but a step that lands on a `$ref` continues at its target. */
function resolveThroughRefs(document: Doc, pointer: string): unknown {
  let node: unknown = document;
  for (const token of pointer.slice(1).split('/')) {
    node = deref(document, node);
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[unescapePointerSegment(token)];
  }
  return deref(document, node);
}

type ObjectSchemaConfig = NonNullable<EventsFrom['objectSchema']>;

function objectSchemaResolver(
  document: Doc,
  config: ObjectSchemaConfig | undefined,
  fail: (pointer: string, problem: string) => never,
): (name: string) => { schema: SchemaObject | undefined; description?: string } {
  const base = toPointer([WEBHOOK_PROFILE_KEY, 'eventsFrom', 'objectSchema']);
  const schemas: Doc = document.components?.schemas ?? {};
  const refTo = (schemaName: string): SchemaObject => ({ $ref: `#/components/schemas/${escapePointerSegment(schemaName)}` });
  const rules = (config?.rules ?? []).map((rule, index) => {
    try {
      return { pattern: new RegExp(rule.match), schema: rule.schema };
    } catch (error) {
      return fail(`${base}/rules/${index}/match`, `not a valid regular expression: ${(error as Error).message}`);
    }
  });
  const overrides = Object.entries(config?.overrides ?? {});
  const exact = new Map(overrides.filter(([key]) => !key.endsWith('.*')));
  // Longest prefix first, so `a.b.*` beats `a.*`.
  const prefixes = overrides
    .filter(([key]) => key.endsWith('.*'))
    .map(([key, value]) => ({ key, prefix: key.slice(0, -1), value }))
    .sort((a, b) => b.prefix.length - a.prefix.length || compare(a.prefix, b.prefix));

  return (name) => {
    const override = exact.has(name)
      ? { key: name, value: exact.get(name) }
      : prefixes.find((p) => name.startsWith(p.prefix));
    if (override) {
      const value = override.value;
      if (value === null) return { schema: undefined, description: 'Its object is not described in this version of the spec.' };
      if (typeof value === 'string') {
        if (!Object.hasOwn(schemas, value)) fail(toPointer([WEBHOOK_PROFILE_KEY, 'eventsFrom', 'objectSchema', 'overrides', override.key]), `no component schema '${value}'`);
        return { schema: refTo(value) };
      }
      return { schema: value as SchemaObject };
    }
    for (const rule of rules) {
      if (!rule.pattern.test(name)) continue;
      const candidate = name.replace(rule.pattern, rule.schema);
      if (Object.hasOwn(schemas, candidate)) return { schema: refTo(candidate) };
    }
    return fail(`${base}`, `no rule maps event '${name}' to a component schema; add an override (null when the spec does not describe its object)`);
  };
}

// ---- events described as OpenAPI webhooks ------------------------------------------------------

const METHODS = ['post', 'put', 'patch', 'get', 'delete', 'options', 'head', 'trace'] as const;

function eventsFromWebhooks(
  document: Doc,
  profile: WebhookProfile,
  fail: (pointer: string, problem: string) => never,
): { event: WebhookEventModel; pointer: string }[] {
  const webhooks = document.webhooks;
  if (webhooks === undefined) return [];
  if (webhooks === null || typeof webhooks !== 'object') return fail('/webhooks', '`webhooks` must be an object');
  const found: { event: WebhookEventModel; pointer: string }[] = [];
  for (const key of Object.keys(webhooks).sort(compare)) {
    const at = toPointer(['webhooks', key]);
    const item = deref<Doc>(document, webhooks[key]);
    const method = METHODS.find((m) => item?.[m]);
    if (!item || !method) fail(at, 'a webhook needs an operation (post)');
    const operation = item![method!] as Doc;
    const body = deref<Doc>(document, operation.requestBody);
    // A form delivery's events are described as urlencoded bodies, the others' as JSON.
    const form = profile.delivery === 'form';
    const mediaType = Object.keys(body?.content ?? {}).find((m) => (form ? classifyMediaType(m) === 'form' : /json/i.test(m)));
    const schema = mediaType ? (body!.content[mediaType].schema as SchemaObject | undefined) : undefined;
    if (!schema) fail(toPointer(['webhooks', key, method!, 'requestBody']), `a webhook needs ${form ? "an application/x-www-form-urlencoded request body schema (delivery 'form')" : 'a JSON request body schema'}`);

    let item$: SchemaObject = schema!;
    if (profile.delivery === 'array') {
      const list = deref<Doc>(document, schema);
      if (list?.type !== 'array' || !list.items) fail(toPointer(['webhooks', key, method!, 'requestBody']), "delivery is 'array' but the body schema is not an array");
      item$ = list!.items as SchemaObject;
    }
    const resolved = deref<Doc>(document, item$);
    const mapping = resolved?.discriminator?.mapping as Record<string, unknown> | undefined;
    if (mapping && (resolved?.oneOf || resolved?.anyOf)) {
      if (resolved.discriminator.propertyName !== profile.discriminator) {
        fail(toPointer(['webhooks', key]), `discriminator '${resolved.discriminator.propertyName}' differs from the profile's '${profile.discriminator}'`);
      }
      for (const name of Object.keys(mapping).sort(compare)) {
        const ref = mapping[name];
        if (typeof ref !== 'string') fail(toPointer(['webhooks', key]), `mapping of '${name}' must be a schema reference`);
        const target = deref<Doc>(document, { $ref: ref });
        if (!target) fail(toPointer(['webhooks', key]), `mapping of '${name}' points at a missing schema '${ref as string}'`);
        const event: WebhookEventModel = { name, schema: { $ref: ref as string } };
        if (typeof target!.description === 'string') event.description = target!.description;
        found.push({ event, pointer: at });
      }
    } else {
      const event: WebhookEventModel = { name: key, schema: item$ };
      const description = operation.description ?? operation.summary;
      if (typeof description === 'string') event.description = description;
      found.push({ event, pointer: at });
    }
  }
  return found;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
