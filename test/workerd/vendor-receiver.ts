// One set of checks for every vendor's generated webhook receiver inside workerd (each vendor's own
// test file supplies how that vendor signs): a signed delivery is accepted and dispatched once,
// its redelivery answered as a duplicate by the WebhookDedupe Durable Object; forged, altered and
// stale deliveries are rejected with no handler run. Nothing here names a vendor.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

export interface ReceiverApp {
  request(path: string, init: RequestInit, env: unknown): Response | Promise<Response>;
}

export interface VendorCase {
  /** The generated `create<Vendor>WebhookRoutes`. */
  routes(options: Record<string, unknown>): ReceiverApp;
  path: string;
  /** What the receiver is configured with: the signing secret or the public key. */
  secret: string;
  /** An event name the receiver has a handler for, and a delivery of it with this event id. */
  eventName: string;
  payload(eventId: string): unknown;
  /** Headers signing `body` at `timestampSeconds` with the right key, and with some other key. */
  sign(body: string, timestampSeconds: number): Promise<Record<string, string>>;
  forge(body: string, timestampSeconds: number): Promise<Record<string, string>>;
}

let sequence = 0;

export function describeVendorReceiver(name: string, setup: () => Promise<VendorCase>): void {
  describe(`${name} webhook receiver (generated routes.ts) in workerd`, () => {
    async function receiver() {
      const vendor = await setup();
      const seen: unknown[] = [];
      const app = vendor.routes({
        secret: vendor.secret,
        dedupe: { env: 'WEBHOOK_DEDUPE' },
        handlers: { [vendor.eventName]: (event: unknown) => void seen.push(event) },
      });
      const id = `evt_${name}_${Date.now()}_${sequence++}`;
      const body = JSON.stringify(vendor.payload(id));
      const now = Math.floor(Date.now() / 1000);
      const post = async (headers: Record<string, string>, text = body) => {
        const response = await app.request(vendor.path, { method: 'POST', body: text, headers: { 'content-type': 'application/json', ...headers } }, env);
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      return { vendor, seen, id, body, now, post };
    }

    it('accepts a signed delivery and dispatches it once; the redelivery is a duplicate', async () => {
      const { vendor, seen, id, body, now, post } = await receiver();
      const headers = await vendor.sign(body, now);
      expect(await post(headers)).toEqual({ status: 200, body: { received: true, handled: 1, duplicate: 0, unhandled: 0 } });
      expect(await post(headers)).toEqual({ status: 200, body: { received: true, handled: 0, duplicate: 1, unhandled: 0 } });
      expect(seen).toHaveLength(1);
      expect(JSON.stringify(seen[0])).toContain(`"${id}"`);
    });

    it('rejects forged, altered and stale deliveries with 401 and runs no handler', async () => {
      const { vendor, seen, body, now, post } = await receiver();
      const forged = await post(await vendor.forge(body, now));
      expect(forged).toEqual({ status: 401, body: { error: 'signature-mismatch' } });
      const signed = await vendor.sign(body, now);
      const altered = await post(signed, body.replace('evt_', 'evt-'));
      expect(altered).toEqual({ status: 401, body: { error: 'signature-mismatch' } });
      const stale = await post(await vendor.sign(body, now - 3600));
      expect(stale).toEqual({ status: 401, body: { error: 'timestamp-out-of-tolerance' } });
      expect(seen).toEqual([]);
    });
  });
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const encoder = new TextEncoder();

/** HMAC-SHA256 of `text` under `secret`, hex. */
export async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
}

/** A P-256 key pair: the public key as base64 SubjectPublicKeyInfo, and a signer giving base64 DER signatures. */
export async function ecdsaKeyPair(): Promise<{ publicKey: string; sign(text: string): Promise<string> }> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = (await crypto.subtle.exportKey('spki', pair.publicKey)) as ArrayBuffer;
  return {
    publicKey: base64(new Uint8Array(spki)),
    async sign(text) {
      const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, encoder.encode(text)));
      return base64(derSignature(raw.slice(0, 32), raw.slice(32)));
    },
  };
}

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** ECDSA (r, s) as the DER SEQUENCE of two INTEGERs that verifiers of base64 DER signatures expect. */
function derSignature(r: Uint8Array, s: Uint8Array): Uint8Array {
  const integer = (value: Uint8Array) => {
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start++;
    const trimmed = value.slice(start);
    const body = trimmed[0]! & 0x80 ? [0, ...trimmed] : [...trimmed];
    return [0x02, body.length, ...body];
  };
  const content = [...integer(r), ...integer(s)];
  return new Uint8Array([0x30, content.length, ...content]);
}
