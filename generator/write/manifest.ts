// generated/manifest.json: what produced the output (generator, pinned specs, overlays), what it
// holds (operations, renames, repairs) and the sha256 of every generated file. It is committed, so
// a diff of it is a review of what a regeneration changed, and `svcgen check` compares against it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATOR_VERSION } from '../version.ts';
import type { UncheckedReason } from '../emit/zod/pattern.ts';

export interface VendorManifest {
  inputs: string;
  specs: { path: string; sha256: string }[];
  overlays: { path: string; sha256: string }[];
  operations: number;
  /**
   * `METHOD /path operationId`: operations left out of the client because fetch refuses their
   * method (TRACE, forbidden by the Fetch standard), so a generated function could never send them.
   */
  omittedOperations: string[];
  operationsFromOverlays: string[];
  renamed: { from: string; to: string; operation: string; reason: string }[];
  componentRenames: { from: string; to: string; file: string }[];
  fixes: { file: string; pointer: string; fix: string }[];
  clientSuppliedHeaders: Record<string, number>;
  /** `query name` / `cookie name`: API keys the spec also declares as parameters, which the client sends, not the caller (model/auth.ts). */
  clientSuppliedParameters: Record<string, number>;
  optionalIdempotencyFields: string[];
  /** `METHOD /path name`: path parameters whose spec lists `''`, sent as an empty segment (model/empty-path-values.ts). */
  emptyPathValues: string[];
  /**
   * `METHOD /path name`: query parameters in a flat style (form, spaceDelimited, pipeDelimited)
   * whose schema declares a nested value, which OpenAPI gives no wire form; the client sends it in
   * bracket notation (model/bracketed-query.ts).
   */
  bracketedQueryParameters: string[];
  /** `METHOD /path url`: operations the client sends to their own server, not the vendor's (model/operation-servers.ts). */
  operationServers: string[];
  /** `METHOD /path url`: operations whose own server is not an absolute http(s) URL once its variables take their defaults; the client's server serves them. */
  unresolvedOperationServers: string[];
  /**
   * `METHOD /path media-type`: raw request bodies (not JSON, form or multipart) whose schema is not
   * text, typed and validated as the content the client sends (a string, Blob, ArrayBuffer or
   * typed array) instead of the schema's object or binary string (model/raw-body.ts).
   */
  rawContentBodies: string[];
  /**
   * `METHOD /path status`: success responses the client reads as bytes, typed as the Blob a call
   * resolves with instead of the schema of the document inside (model/read-body-types.ts).
   */
  blobResponses: string[];
  /**
   * `METHOD /path status`: responses whose schema is not a string's under a type the client reads
   * as text: a success body typed `string`, the text it resolves with; an error body under a type
   * that is not JSON typed as its text or the schema's value (model/read-body-types.ts).
   */
  textResponses: string[];
  /**
   * Patterns written in another regular-expression dialect (Java's `\p{Alnum}`, `\A…\z`) that the
   * zod validators check as the RegExp expression `to` (emit/zod/pattern-dialect.ts).
   */
  translatedPatterns: { from: string; to: string }[];
  /**
   * Patterns the zod validators do not check, and why: JavaScript cannot read them with the meaning
   * their dialect gives them, or matching them can backtrack exponentially (emit/zod/pattern-backtracking.ts).
   */
  uncheckedPatterns: { pattern: string; reason: UncheckedReason }[];
  webhookEvents: number;
  files: Record<string, string>;
}

export interface Manifest {
  generator: { name: 'svcgen'; version: string; fingerprint: string };
  /** sha256 of the config the output was generated with (it was validated then). */
  config: string;
  vendors: Record<string, VendorManifest>;
}

export const MANIFEST_FILE = 'manifest.json';

export function readManifest(outDir: string): Manifest | undefined {
  const file = join(outDir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

export function newManifest(fingerprint: string, config: string): Manifest {
  return { generator: { name: 'svcgen', version: GENERATOR_VERSION, fingerprint }, config, vendors: {} };
}

/** Sorted keys at every level, two-space indent, trailing newline: byte-stable across runs. */
export function serializeManifest(manifest: Manifest): string {
  return JSON.stringify(sortKeys(manifest), null, 2) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
