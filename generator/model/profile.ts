// The vendor profile: facts a spec does not carry, written by us in each vendor's overlays under
// the root `x-svcgen` extension. Validated here so a typo in an overlay is a clear error, not a
// silently different client: every object is strict, and an unknown key is reported with the
// overlay file, line and pointer, and the nearest known key.
import { z } from 'zod';
import { SvcgenInputError, type InputErrorLocation } from '../load/errors.ts';
import { toPointer } from '../json-pointer.ts';
import { describeUnknownKey, firstUnknownKey } from '../unknown-keys.ts';

const bucket = z.strictObject({ ratePerSecond: z.number().positive(), burst: z.number().int().positive() });

const paginationRule = z.discriminatedUnion('style', [
  z.strictObject({
    style: z.literal('cursor'),
    whenQuery: z.string(),
    itemsField: z.union([z.string(), z.array(z.string())]),
    hasMoreField: z.string(),
    cursorParam: z.string(),
    cursorFrom: z.string(),
    beforeParam: z.string().optional(),
    limitParam: z.string().optional(),
  }),
  z.strictObject({
    style: z.literal('token'),
    whenQuery: z.string(),
    itemsField: z.union([z.string(), z.array(z.string())]),
    hasMoreField: z.string(),
    tokenField: z.string(),
    tokenParam: z.string(),
    limitParam: z.string().optional(),
  }),
  z.strictObject({
    style: z.literal('page-number'),
    whenQuery: z.string(),
    itemsField: z.union([z.string(), z.array(z.string())]),
    hasMoreField: z.string(),
    pageParam: z.string(),
    firstPage: z.number().int(),
    sizeParam: z.string().optional(),
  }),
  z.strictObject({
    style: z.literal('opaque-cursor'),
    whenQuery: z.string(),
    itemsField: z.union([z.string(), z.array(z.string())]),
    nextField: z.string(),
    nextIsUrl: z.boolean().optional(),
    cursorParam: z.string(),
    sizeParam: z.string().optional(),
  }),
  // `offsetParam` counts the items before the page, from 0. The walk ends on an empty page, and
  // also once the next offset reaches the answer's `totalField` or its `hasMoreField` is false.
  z.strictObject({
    style: z.literal('offset'),
    whenQuery: z.string(),
    itemsField: z.union([z.string(), z.array(z.string())]),
    offsetParam: z.string(),
    totalField: z.string().optional(),
    hasMoreField: z.string().optional(),
    limitParam: z.string().optional(),
  }),
  // The answer's `Link` header names the next page; `itemsField: ''` when the body is the list.
  z.strictObject({
    style: z.literal('link-header'),
    whenQuery: z.string(),
    itemsField: z.union([z.string(), z.array(z.string())]),
    sizeParam: z.string().optional(),
  }),
  // The next page's URL is in a body field. Without `whenQuery` the rule meets every list whose
  // answer has both fields: such a link needs no query parameter of the first call.
  z.strictObject({
    style: z.literal('next-link'),
    whenQuery: z.string().optional(),
    itemsField: z.union([z.string(), z.array(z.string())]),
    nextField: z.string(),
    sizeParam: z.string().optional(),
  }),
]);

const method = z.enum(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * A vendor's key format as a regular expression source (`whsec_[A-Za-z0-9+/=_-]{6,}`). One that
 * does not compile, or that matches empty text (it would scrub between every character), is refused.
 */
const secretShape = z.string().superRefine((source, context) => {
  try {
    new RegExp(source);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
    return;
  }
  // Grouped, so an alternative cannot escape the anchors; `source` itself compiled above.
  if (new RegExp(`^(?:${source})$`).test('')) context.addIssue({ code: 'custom', message: 'matches empty text, so it would scrub every position of every message' });
});

export const profileSchema = z.strictObject({
  displayName: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a PascalCase identifier'),
  /**
   * Auth comes from the spec's securitySchemes and `security`; this only adds what a spec lacks
   * or gets wrong (generator/model/auth.ts). `scheme` names the scheme the shorthand client
   * options fill; a bearer/basic/apiKey/oauth2 scheme of that name the spec does not declare is
   * added from these fields and required wherever the spec requires nothing.
   */
  auth: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('spec'), scheme: z.string().optional() }),
      z.strictObject({ kind: z.literal('bearer'), scheme: z.string().optional() }),
      z.strictObject({ kind: z.literal('basic'), scheme: z.string().optional() }),
      z.strictObject({
        kind: z.literal('apiKey'),
        scheme: z.string().optional(),
        in: z.enum(['header', 'query', 'cookie']).optional(),
        name: z.string().optional(),
      }),
      z.strictObject({
        kind: z.literal('oauth2'),
        scheme: z.string().optional(),
        tokenUrl: z.string().optional(),
        scopes: z.array(z.string()).optional(),
      }),
      z.strictObject({
        kind: z.literal('token-exchange'),
        loginPath: z.string(),
        credentialHeaders: z.record(z.string(), z.string()),
        optionalHeaders: z.record(z.string(), z.string()).default({}),
        tokenField: z.string(),
        expiresAtField: z.string(),
        refreshSkewSeconds: z.number().nonnegative(),
      }),
    ])
    .default({ kind: 'spec' }),
  servers: z.array(z.strictObject({ name: z.string(), url: z.string().url(), description: z.string().optional() })).min(1),
  apiVersion: z
    .object({
      header: z.string(),
      value: z.string().optional(),
      /** JSON pointer into the document whose string value is the API version (`/info/version`). */
      valueFrom: z.string().optional(),
      optionName: z.string(),
    })
    .optional(),
  /** Per-call headers the vendor accepts everywhere although the spec does not declare them. */
  callHeaders: z.record(z.string(), z.string()).default({}),
  parameterRoles: z
    .record(
      z.string(),
      z.strictObject({
        role: z.enum(['auth', 'client-option', 'call-option']),
        optionName: z.string().optional(),
      }),
    )
    .default({}),
  idempotency: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({
      kind: z.literal('header'),
      name: z.string(),
      maxLength: z.number().int().positive().optional(),
      methods: z.array(method),
      /**
       * Send the header only on operations that declare it as a header parameter. An inferred
       * profile sets it: one operation declaring the header says nothing about its neighbours, and
       * a key the server never promised to honour makes a retried POST a duplicate. Hand-written
       * profiles leave it out when the vendor honours the header on every method listed.
       */
      onlyWhereDeclared: z.boolean().optional(),
    }),
    z.strictObject({ kind: z.literal('body-field'), field: z.string() }),
  ]),
  policy: z.strictObject({
    retry: z.strictObject({
      maxRetries: z.number().int().nonnegative(),
      baseDelayMs: z.number().nonnegative(),
      maxDelayMs: z.number().nonnegative(),
      retryStatuses: z.array(z.number().int()),
      shouldRetryHeader: z.string().optional(),
    }),
    timeoutMs: z.number().positive(),
    breaker: z.strictObject({ consecutiveFailures: z.number().int().positive(), cooldownMs: z.number().positive() }),
    requestIdHeader: z.string().optional(),
    rateLimitHeaders: z.strictObject({ remaining: z.string(), reset: z.string(), limit: z.string().optional() }).optional(),
    rateLimits: z.record(z.string(), bucket).refine((r) => 'default' in r, 'needs a `default` bucket'),
  }),
  rateLimitBuckets: z
    .array(z.strictObject({ bucket: z.string(), pathPattern: z.string(), methods: z.array(method).optional() }))
    .default([]),
  cache: z
    .array(z.strictObject({ pathPattern: z.string(), methods: z.array(method).optional(), ttlSeconds: z.number().positive() }))
    .default([]),
  pagination: z.array(paginationRule).default([]),
  /**
   * The vendor's key formats, scrubbed from its errors, login errors and policy events wherever
   * they appear (a key the caller did not pass, echoed by the vendor), each matched only where no
   * letter or digit precedes it.
   */
  secretShapes: z.array(secretShape).default([]),
  /** Methods whose request bodies the vendor ignores (a spec may declare form bodies on DELETE); GET and HEAD bodies the loader already removes. */
  bodylessMethods: z.array(method).default([]),
});

export type VendorProfile = z.infer<typeof profileSchema>;
export type PaginationRule = z.infer<typeof paginationRule>;

/**
 * The profile at `/x-svcgen` of a vendor's effective document, validated. `locate` turns a pointer
 * of that document into the overlay file, pointer and line a person edits.
 */
export function parseProfile(raw: unknown, locate: (pointer: string) => InputErrorLocation): VendorProfile {
  const unknown = firstUnknownKey(profileSchema, raw, []);
  if (unknown) {
    const pointer = toPointer(['x-svcgen', ...unknown.path, unknown.key]);
    throw new SvcgenInputError(locate(pointer), describeUnknownKey(unknown, `the vendor profile at ${pointer}`));
  }
  const parsed = profileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const pointer = toPointer(['x-svcgen', ...issue.path.map(String)]);
  throw new SvcgenInputError(locate(pointer), `invalid vendor profile at ${pointer}: ${issue.message}`);
}
