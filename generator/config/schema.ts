// The shape of svcgen.config.ts, checked with zod so a typo is an error naming the key, not a
// silently ignored setting.
import { z } from 'zod';

const selection = z.strictObject({
  tags: z.array(z.string()).optional(),
  operations: z.array(z.string()).optional(),
});

const policy = z.strictObject({
  retry: z
    .strictObject({
      maxRetries: z.number().int().nonnegative().optional(),
      baseDelayMs: z.number().nonnegative().optional(),
      maxDelayMs: z.number().nonnegative().optional(),
      retryStatuses: z.array(z.number().int()).optional(),
    })
    .optional(),
  timeoutMs: z.number().positive().optional(),
  breaker: z
    .strictObject({ consecutiveFailures: z.number().int().positive().optional(), cooldownMs: z.number().positive().optional() })
    .optional(),
  rateLimits: z.record(z.string(), z.strictObject({ ratePerSecond: z.number().positive(), burst: z.number().int().positive() })).optional(),
});

export const vendorConfigSchema = z.strictObject({
  include: selection.optional(),
  exclude: selection.optional(),
  policy: policy.optional(),
});

export const configSchema = z.strictObject({
  /** Output folder, relative to the config file. Default `generated`. */
  out: z.string().optional(),
  /** Folder holding the pinned spec files (overrides SVCGEN_SPEC_MIRROR). */
  specMirror: z.string().optional(),
  /** Download pinned files missing from the mirror. Default true. */
  download: z.boolean().optional(),
  /** Vendors to generate, with their options; absent: every vendor in specs/lock.json. */
  vendors: z.record(z.string(), vendorConfigSchema).optional(),
});

export type SvcgenConfig = z.infer<typeof configSchema>;
export type VendorConfig = z.infer<typeof vendorConfigSchema>;
