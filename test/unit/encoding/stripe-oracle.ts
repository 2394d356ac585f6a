// stripe-node 23.1.0 as an independent oracle for our encoders, two ways:
// - `stripeStringify`: the SDK's own encoder module, for fast property-based comparison;
// - `captureStripe`: the real SDK pointed at a loopback server, proving that module is what the
//   SDK actually puts on the wire.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
// Not exported by the package's `exports` map; reached by path. It is the function stripe-node's
// RequestSender uses for form bodies and GET query strings.
import { queryStringifyRequestData } from '../../../node_modules/stripe/esm/utils.js';

export const stripeStringify = (data: unknown): string =>
  queryStringifyRequestData(data as Parameters<typeof queryStringifyRequestData>[0]);

export interface CapturedRequest {
  method: string;
  url: string;
  contentType: string | undefined;
  body: Buffer;
}

/** Runs `use` against a Stripe client whose requests land on a loopback server; returns what arrived. */
export async function captureStripe(use: (stripe: Stripe) => Promise<unknown>): Promise<CapturedRequest[]> {
  const captured: CapturedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      captured.push({
        method: req.method ?? '',
        url: req.url ?? '',
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'obj_1', object: 'customer' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const stripe = new Stripe('sk_test_oracle', {
      host: '127.0.0.1',
      port,
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    });
    await use(stripe);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return captured;
}
