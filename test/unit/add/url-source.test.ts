// A spec given by URL: downloaded once, pinned under its URL, and a relative server in it resolved
// against where it came from (a local server on 127.0.0.1 stands in for the vendor's site).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateOneOff } from '../../../generator/profile-infer/one-off.ts';
import { readSpecSource } from '../../../generator/profile-infer/sources.ts';
import { SvcgenInputError } from '../../../generator/load/errors.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SPEC = JSON.stringify({
  openapi: '3.0.3',
  info: { title: 'Relative Server', version: '1' },
  servers: [{ url: '/api/v2' }],
  paths: { '/ping': { get: { operationId: 'ping', responses: { 204: { description: 'ok' } } } } },
});
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/specs/openapi.json') res.writeHead(200, { 'content-type': 'application/json' }).end(SPEC);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('pins the URL and resolves the relative server against it', async () => {
  const source = await readSpecSource(`${base}/specs/openapi.json`, ROOT);
  const result = await generateOneOff('relative', [source], ROOT);
  expect(result.pin.files[0]).toMatchObject({ path: 'relative/openapi.json', url: `${base}/specs/openapi.json`, bytes: Buffer.byteLength(SPEC) });
  expect(result.inferred.profile.servers).toEqual([{ name: 'default', url: `${base}/api/v2` }]);
  expect(result.job.operations).toBe(1);
}, 120_000);

it('names the URL when the download fails', async () => {
  const error = await readSpecSource(`${base}/missing.json`, ROOT).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SvcgenInputError);
  expect((error as Error).message).toBe(`${base}/missing.json: cannot download the spec (HTTP 404)`);
});
