// Builds webhook deliveries from the fixtures: signed now (or at a chosen time), with a given event
// id, and the tampered variants the tests send (forged key, altered body, stale timestamp).
import { webhookFixtures, type WebhookFixture } from '../fixtures/webhooks.ts';
import { declaredSecret, signDeclared, signers } from './signers.ts';

export interface DeliveryOptions {
  /** Overrides the sample's event id (the dedupe key). */
  id?: string;
  /** Signing time in ms since the epoch (default now). */
  at?: number;
  /** Sign with this key instead of the fixture's. */
  key?: string;
  /** Changes the body after signing. */
  alter?: (body: string) => string;
  /** Extra fields merged into the event. */
  fields?: Record<string, unknown>;
}

export function fixture(vendor: string): WebhookFixture {
  const found = webhookFixtures.find((f) => f.vendor === vendor);
  if (!found) throw new Error(`no webhook fixture for ${vendor}`);
  return found;
}

export function eventOf(f: WebhookFixture, name: string, options: DeliveryOptions = {}): Record<string, unknown> {
  const sample = f.events.find((e) => e.name === name)?.sample;
  if (!sample) throw new Error(`no sample ${f.vendor} event ${name}`);
  const event: Record<string, unknown> = { ...structuredClone(sample), ...options.fields };
  if (options.id) event[f.eventId] = options.id;
  return event;
}

/** The event as the vendor sends it: JSON, or for a form delivery its fields urlencoded (objects as their JSON text). */
function bodyOf(f: WebhookFixture, event: Record<string, unknown>): string {
  if (f.delivery !== 'form') return JSON.stringify(f.delivery === 'array' ? [event] : event);
  return new URLSearchParams(Object.entries(event).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
}

export async function delivery(f: WebhookFixture, name: string, options: DeliveryOptions = {}): Promise<Request> {
  const event = eventOf(f, name, options);
  const signedBody = bodyOf(f, event);
  const key = options.key ?? f.keys.sign;
  const at = options.at ?? Date.now();
  const signer = f.signature ? undefined : signers[f.scheme];
  if (!f.signature && !signer) throw new Error(`no test signer for scheme ${f.scheme}`);
  const request = { url: `https://worker.test${f.path}`, method: 'POST' };
  const signed = f.signature ? await signDeclared(f.signature, signedBody, key, at, request) : await signer!(signedBody, key, at);
  const contentType = f.delivery === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
  const headers: Record<string, string> = { 'content-type': contentType, ...signed.headers, [f.headers.signature]: signed.signature };
  if (f.headers.timestamp && signed.timestamp) headers[f.headers.timestamp] = signed.timestamp;
  const body = options.alter ? options.alter(signedBody) : signedBody;
  return new Request(signed.url ?? request.url, { method: request.method, headers, body });
}

/** A key of the same kind as the fixture's, that the Worker does not trust. */
export async function foreignKey(f: WebhookFixture): Promise<string> {
  const algorithm = f.signature?.algorithm;
  if (algorithm === 'ed25519') {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const pkcs8 = new Uint8Array((await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as ArrayBuffer);
    return btoa(String.fromCharCode(...pkcs8));
  }
  if (f.scheme.endsWith('-ecdsa') || algorithm === 'ecdsa-p256-sha256') {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const pkcs8 = new Uint8Array((await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as ArrayBuffer);
    return btoa(String.fromCharCode(...pkcs8));
  }
  // A declared secret must still decode (base64, hex …) to be a key the Worker merely does not trust.
  if (f.signature) return declaredSecret(f.signature);
  return `${f.keys.sign}-forged`;
}
