// A 205 Reset Content has no content (RFC 9110 §15.3.6). Some servers send a Content-Length with it
// anyway (Prism 5.16 does, 'Content-Length: 4' and 'null'); fetch then hands a response with no
// body and that header, and openapi-fetch parsed the missing body as JSON: the call threw
// 'Unexpected end of JSON input' on a success. A raw socket server sends exactly such an answer.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVendorClient } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { testProfile } from '../policy/support.ts';

const none = { kind: 'schemes', schemes: {}, security: [], operations: {} } as const;
const meta: OperationMeta = { id: 'ResetForm', method: 'PUT', path: '/forms/{id}', resilience: 'idempotent', idempotency: { kind: 'none' } };

/** Answers every request with `head` (and `body`), then closes the connection. */
function rawServer(head: string, body: string) {
  return net.createServer((socket) => {
    socket.once('data', () => socket.end(`${head}\r\n\r\n${body}`));
  });
}

const servers: Record<string, net.Server> = {
  stale: rawServer('HTTP/1.1 205 Reset Content\r\nContent-Type: application/json\r\nContent-Length: 4\r\nConnection: close', 'null'),
  plain: rawServer('HTTP/1.1 205 Reset Content\r\nContent-Length: 0\r\nConnection: close', ''),
};
const urls: Record<string, string> = {};

beforeAll(async () => {
  for (const [name, server] of Object.entries(servers)) {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    urls[name] = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  }
});
afterAll(() => Object.values(servers).forEach((server) => server.close()));

describe('a 205 Reset Content answer', () => {
  for (const name of ['stale', 'plain']) {
    it(`${name === 'stale' ? 'with a Content-Length but no content' : 'with Content-Length: 0'}: the call resolves with no data`, async () => {
      const client = createVendorClient(testProfile(none, 0), { baseUrl: urls[name]!, logger: false });
      await expect(client.call(meta, { params: { path: { id: 'f1' } } })).resolves.toBeUndefined();
    });
  }
});
