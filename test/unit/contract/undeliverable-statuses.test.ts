// Answers no fetch client can receive: a 1xx as the final answer (HTTP makes 1xx interim; undici
// waits for a final response, which a mock that sends only the 1xx never gives) and a 407 (a
// network error by the Fetch standard). Prism answers an operation documenting only such a status
// with it, so the harness saw "no answer" for a request Prism had found valid. The harness's
// document leaves them out (test/contract/request-contract.ts); requests are judged as before.
// Oracles: Node's fetch against a raw socket, and the corpus Prism stage on a hand-made spec.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismStage } from '../../../bench/corpus/prism.ts';
import { requestContractDocument } from '../../contract/request-contract.ts';
import { harnessPrism, requestProblems } from './harness-prism.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/undeliverable-statuses/openapi.json', import.meta.url));

describe('statuses fetch cannot return', () => {
  const server = createServer((socket) => {
    socket.once('data', (chunk) => {
      const status = /GET \/(\d+)/.exec(chunk.toString())![1];
      socket.end(`HTTP/1.1 ${status} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`);
    });
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('Node fetch turns a final 100 and a 407 into network errors, and returns a 599', async () => {
    await expect(fetch(`${base}/100`)).rejects.toThrow('fetch failed');
    await expect(fetch(`${base}/407`)).rejects.toThrow('fetch failed');
    expect((await fetch(`${base}/599`)).status).toBe(599);
  });

  it('the harness document leaves them out, keeping the rest', () => {
    const document = requestContractDocument(JSON.parse(readFileSync(FIXTURE, 'utf8'))) as { paths: Record<string, { get: { responses: object } }> };
    expect(Object.keys(document.paths['/continue']!.get.responses)).toEqual(['default']);
    expect(Object.keys(document.paths['/proxy']!.get.responses)).toEqual(['default']);
    expect(Object.keys(document.paths['/either']!.get.responses)).toEqual(['204']);
  });

  const prism = harnessPrism('undeliverable-statuses', () => JSON.parse(readFileSync(FIXTURE, 'utf8')));

  it('Prism on the harness document answers, and still reports a bad request', async () => {
    const good = await fetch(`${prism.url}/continue?n=1`);
    expect(await requestProblems(good)).toEqual([]);
    expect(await requestProblems(await fetch(`${prism.url}/continue?n=x`))).toEqual([expect.stringContaining('must be integer')]);
    expect(await requestProblems(await fetch(`${prism.url}/proxy`))).toEqual([]);
  });

  it('the Prism stage judges those operations\' requests', async () => {
    const outcome = await prismStage({ id: 'fixture/undeliverable-statuses', file: FIXTURE, display: 'test/fixtures/undeliverable-statuses/openapi.json', bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 3, total: 3, causes: [], failures: [] });
  }, 300_000);
});
