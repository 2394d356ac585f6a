// A '#' in a path key (`/PutRecords#streamArn`, as some converted specs write it) is a literal
// character of the path: sent as is, the URL parser reads it as the start of a fragment, and
// fetch drops it with everything after it, the query string included. On the wire it must be
// `%23`, with the query after it. Checked on a loopback server that records the raw request line.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from '../../support/capture-server.ts';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';

const quiet = { retry: false, rateLimit: false, breaker: false, logger: false } as const;

let project: SpecProject;
let server: CaptureServer;

beforeAll(async () => {
  server = await startCaptureServer();
  project = await createSpecProject('hash-path', [
    { vendor: 'hashpath', displayName: 'HashPath', example: join(ROOT, 'test/fixtures/s9-hash-path/hash-path.json') },
  ]);
}, 120_000);

afterAll(async () => {
  await server?.close();
  project?.remove();
});

const vendor = () => project.vendors.hashpath!;

describe("a '#' in a path key", () => {
  it('is sent percent-encoded, and the query string after it reaches the server', async () => {
    server.take();
    const client = vendor().create({ ...quiet, baseUrl: server.url });
    await vendor().operation('POST', '/PutRecords#streamArn')(client, { params: { query: { streamArn: 'arn:a' } }, body: { records: ['r1'] } });
    expect(server.take().map((r) => [r.method, r.path, r.query])).toEqual([['POST', '/PutRecords%23streamArn', [['streamArn', 'arn:a']]]]);
  });

  it('after a path parameter too', async () => {
    server.take();
    const client = vendor().create({ ...quiet, baseUrl: server.url });
    await vendor().operation('GET', '/streams/{name}#tags')(client, { params: { path: { name: 'a#b' }, query: { limit: 5 } } });
    expect(server.take().map((r) => [r.method, r.path, r.query])).toEqual([['GET', '/streams/a%23b%23tags', [['limit', '5']]]]);
  });
});
