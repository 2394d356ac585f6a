// Shared pieces of the webhook model tests: a vendor's real `x-svcgen-webhooks` profile, read from
// its overlay, and a document that declares its events as OpenAPI `webhooks`.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type Doc = Record<string, any>;

/** The `x-svcgen-webhooks` profile of specs/overlays/<vendor>/50-webhooks.yaml, a fresh copy. */
export function overlayProfile(vendor: string): Doc {
  const overlay = parse(readFileSync(new URL(`../../../specs/overlays/${vendor}/50-webhooks.yaml`, import.meta.url), 'utf8'));
  return structuredClone(overlay.actions[0].update['x-svcgen-webhooks']);
}

/** A 3.1 document whose events are OpenAPI `webhooks`, with a shared request body `Shared`. */
export function webhooksDocument(profile: Doc, webhooks: Doc, schemas: Doc): Doc {
  return { openapi: '3.1.0', paths: {}, webhooks, components: { schemas, requestBodies: { Shared: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } }, 'x-svcgen-webhooks': profile };
}
