// A starter vendor profile (`x-svcgen`) from a spec alone: every field the profile schema requires,
// each either inferred from the spec or a stated default, with a note for everything inferred
// loosely or not at all. `render.ts` turns it into the commented 00-profile.yaml overlay.
import type { VendorProfile } from '../model/profile.ts';
import { describeAuth } from './auth.ts';
import { displayNameFrom } from './display-name.ts';
import { isRecord, type Doc } from './document.ts';
import { inferIdempotency } from './idempotency.ts';
import { inferPagination } from './pagination.ts';
import { inferServers } from './servers.ts';

export interface ProfileNote {
  /** Top-level key of the profile the note is about, or `webhooks` for the webhook profile it lacks. */
  key: keyof VendorProfile | 'webhooks';
  text: string;
}

export interface InferredProfile {
  profile: Record<string, unknown>;
  notes: ProfileNote[];
}

/** Retry, breaker and timeout defaults for an API that documents none; a user tunes them. */
const DEFAULT_POLICY = {
  retry: { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8000, retryStatuses: [408, 429, 500, 502, 503, 504] },
  timeoutMs: 30000,
  breaker: { consecutiveFailures: 5, cooldownMs: 30000 },
  rateLimits: { default: { ratePerSecond: 10, burst: 10 } },
};

export interface InferOptions {
  vendor: string;
  /** Where the (first) spec was downloaded from, to resolve relative server URLs against. */
  source?: string;
}

export function inferProfile(documents: Doc[], options: InferOptions): InferredProfile {
  const doc = documents[0] ?? {};
  const notes: ProfileNote[] = [];
  const info = isRecord(doc.info) ? doc.info : {};

  const servers = inferServers(doc, options.source);
  if (servers.note) notes.push({ key: 'servers', text: servers.note });
  notes.push({ key: 'auth', text: describeAuth(doc) });
  // Every document of a multi-file vendor can declare the header; the first that does decides.
  const inferred = documents.map(inferIdempotency).find((i) => i.rule.kind === 'header');
  const idempotency = inferred?.rule ?? { kind: 'none' as const };
  notes.push({
    key: 'idempotency',
    text: idempotency.kind === 'header'
      ? `the spec declares the ${idempotency.name} header on ${inferred!.operations} ${idempotency.methods.join('/')} operation(s): only those send it, and retries of those reuse one key (onlyWhereDeclared: false sends it on every ${idempotency.methods.join('/')}, if the API honours it everywhere); other unsafe methods are retried only when the failure proves the request was not processed`
      : 'the spec declares no idempotency header: unsafe methods are retried only when the failure proves the request was not processed',
  });
  const pagination = documents.flatMap(inferPagination);
  notes.push({
    key: 'pagination',
    text: pagination.length
      ? 'guessed from list responses by names and declared types (a cursor, token, page or offset query parameter, or starting_after, beside an array and a next marker, a has-more flag, the list\'s total, a next-page URL or a declared Link header): check the shapes'
      : 'no list response with a recognisable cursor, page or offset shape: add rules (see model/profile.ts) for auto-pagination',
  });
  notes.push({
    key: 'policy',
    text: 'generic defaults, not the vendor\'s documented policy; rateLimits.default is a placeholder: set the API\'s published limit',
  });
  // A spec never gives its keys' format, and a guess would scrub ordinary text or miss real keys.
  notes.push({
    key: 'secretShapes',
    text: 'no key formats: when the API\'s keys have a recognisable shape (a fixed prefix, say), list each as a regular expression under secretShapes, and errors and events scrub such keys even when they are not the client\'s own',
  });

  // The spec can list webhooks but never says how they are signed, so the webhook profile is left to the user.
  const webhooks = documents.reduce((count, document) => count + (isRecord(document.webhooks) ? Object.keys(document.webhooks).length : 0), 0);
  if (webhooks > 0) {
    notes.push({
      key: 'webhooks',
      text: `the spec describes ${webhooks} webhook(s); for verifiers and receivers add an overlay with x-svcgen-webhooks naming the signature scheme: a built-in id, or the scheme declared as data (README: "Webhooks")`,
    });
  }

  const profile = {
    displayName: displayNameFrom(info.title, options.vendor),
    servers: servers.servers,
    idempotency,
    policy: structuredClone(DEFAULT_POLICY),
    pagination,
  };
  return { profile, notes };
}
