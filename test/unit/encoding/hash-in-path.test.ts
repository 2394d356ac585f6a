// A '#' in a path key starts a URL fragment (OpenAPI appends the key to the server URL), which some
// converted specs use to tell apart operations on one path: `/PutRecords#streamArn` and
// `/PutRecords#tableArn` are both `POST /PutRecords`, told apart by their query parameters. A
// client never sends the fragment; the query string must come right after the path, not inside
// the fragment where fetch would drop it. Checked on a loopback server that records the raw request.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from '../../support/capture-server.ts';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';

const quiet = { retry: false, rateLimit: false, breaker: false, logger: false } as const;

let project: SpecProject;
let server: CaptureServer;

beforeAll(async () => {
  server = await startCaptureServer();
  project = await createSpecProject('hash-path', [{ vendor: 'hashpath', displayName: 'HashPath', example: join(ROOT, 'test/fixtures/s9-hash-path/hash-path.json') }]);
}, 120_000);

afterAll(async () => {
  await server?.close();
  project?.remove();
});

const vendor = () => project.vendors.hashpath!;
const sent = () => server.take().map((r) => [r.method, r.path, r.query]);

describe("a '#' in a path key", () => {
  it('is a fragment: the path before it is sent, with the query string', async () => {
    server.take();
    const client = vendor().create({ ...quiet, baseUrl: server.url });
    await vendor().operation('POST', '/PutRecords#streamArn')(client, { params: { query: { streamArn: 'arn:s' } }, body: { records: ['r1'] } });
    await vendor().operation('POST', '/PutRecords#tableArn')(client, { params: { query: { tableArn: 'arn:t' } }, body: { records: ['r2'] } });
    expect(sent()).toEqual([
      ['POST', '/PutRecords', [['streamArn', 'arn:s']]],
      ['POST', '/PutRecords', [['tableArn', 'arn:t']]],
    ]);
  });

  it('after a path parameter too, whose own # stays encoded', async () => {
    server.take();
    const client = vendor().create({ ...quiet, baseUrl: server.url });
    await vendor().operation('GET', '/streams/{name}#tags')(client, { params: { path: { name: 'a#b' }, query: { limit: 5 } } });
    expect(sent()).toEqual([['GET', '/streams/a%23b', [['limit', '5']]]]);
  });
});
