// The generated client of a spec whose path parameter lists '' (test/fixtures/s12-empty-path):
// that operation's metadata names serializePathAllowingEmpty with the parameter, the call sends
// the empty segment, and the manifest lists it; the spec's other operations keep serializePath,
// and a Worker calling only one of those bundles no code of the empty-value serializer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';
import { bundleOperation } from './worker-bundle.ts';

let project: SpecProject;

beforeAll(async () => {
  project = await createSpecProject('empty-path', [{ vendor: 'jobqueue', displayName: 'Jobqueue', example: join(ROOT, 'test/fixtures/s12-empty-path/empty-path.json') }]);
}, 120_000);

afterAll(() => project?.remove());

/** Calls `GET path` of the generated client with `params.path`; the URL it sent. */
async function sentUrl(path: string, pathParams: Record<string, unknown>): Promise<string> {
  const vendor = project.vendors.jobqueue!;
  const seen: string[] = [];
  const fetch = async (request: Request) => (seen.push(request.url), Response.json({}));
  const client = vendor.create({ baseUrl: 'https://api.jobqueue.test', fetch, retry: false, logger: false });
  await vendor.operation('GET', path)(client, { params: { path: pathParams } });
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

describe("a generated operation whose path parameter lists ''", () => {
  it("sends '' as an empty segment, and other values as before", async () => {
    expect(await sentUrl('/api/v1/jobs/{state}', { state: '' })).toBe('https://api.jobqueue.test/api/v1/jobs/');
    expect(await sentUrl('/api/v1/jobs/{state}', { state: 'failed' })).toBe('https://api.jobqueue.test/api/v1/jobs/failed');
    expect(await sentUrl('/queues/{queue}/jobs/{state}', { queue: 'mail', state: '' })).toBe('https://api.jobqueue.test/queues/mail/jobs/');
  });

  it("still refuses a dot segment, a missing value, and '' for a parameter that does not list it", async () => {
    await expect(sentUrl('/api/v1/jobs/{state}', { state: '..' })).rejects.toThrow('path parameter "state" cannot be a dot segment');
    await expect(sentUrl('/api/v1/jobs/{state}', {})).rejects.toThrow('path parameter "state" is missing');
    await expect(sentUrl('/queues/{queue}/jobs/{state}', { queue: '', state: '' })).rejects.toThrow('path parameter "queue" is empty');
    await expect(sentUrl('/items/{id}', { id: '' })).rejects.toThrow('path parameter "id" is empty');
  });

  it('is decided at generation time: only its metadata names the empty-value serializer', () => {
    const js = readFileSync(join(project.root, 'generated/jobqueue/operations.js'), 'utf8');
    const encodePath = (fn: string) => js.match(new RegExp(`const ${fn}Meta = .*encodePath: ([^}]*) \\}`))?.[1];
    expect(encodePath('getJobs')).toBe("/* @__PURE__ */ $serializePathAllowingEmpty(['state'])");
    expect(encodePath('getQueueJobs')).toBe("/* @__PURE__ */ $serializePathAllowingEmpty(['state'])");
    expect(encodePath('getItem')).toBe('$serializePath');
  });

  it('is listed in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(project.root, 'generated/manifest.json'), 'utf8'));
    expect(manifest.vendors.jobqueue.emptyPathValues).toEqual(['GET /api/v1/jobs/{state} state', 'GET /queues/{queue}/jobs/{state} state']);
  });

  it('is bundled only by a Worker that calls such an operation', async () => {
    const plain = await bundleOperation(project, 'jobqueue', 'Jobqueue', 'GET', '/items/{id}');
    expect(plain.modules).toContain('runtime/encoding/path.ts');
    expect(plain.text).toContain('function serializePath(');
    expect(plain.text).not.toContain('serializePathAllowingEmpty');
    const jobs = await bundleOperation(project, 'jobqueue', 'Jobqueue', 'GET', '/api/v1/jobs/{state}');
    expect(jobs.text).toContain('function serializePathAllowingEmpty(');
    expect(jobs.text).not.toContain('function serializePath(');
  });
});
