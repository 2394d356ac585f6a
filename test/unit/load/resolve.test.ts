// Pinned files come from the mirror or, failing that, from the lock's url; the sha256 is checked
// either way, and a good download is kept in the cache.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadVendor, readLock, resolveSpecFile } from '../../../generator/load/index.ts';
import { inputError } from './expect-input-error.ts';
import { OK, openapi, sha256, tempProject, urlFor } from './temp-project.ts';
import type { TempProject } from './temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

function serving(files: Record<string, string>) {
  const requested: string[] = [];
  const fetchStub = (async (input: string | URL | Request) => {
    const url = String(input);
    requested.push(url);
    const body = files[url];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
  }) as typeof fetch;
  return { fetch: fetchStub, requested };
}

describe('resolving pinned files', () => {
  const spec = openapi({ '/a': { get: { operationId: 'a', responses: OK } } });

  it('downloads a file missing from the mirror, checks its hash and caches it', async () => {
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: spec, inMirror: false }] } });
    const server = serving({ [urlFor('acme/openapi.json')]: spec });
    const loaded = await loadVendor('acme', { root: project.root, mirror: project.mirror, fetch: server.fetch });
    expect(server.requested).toEqual([urlFor('acme/openapi.json')]);
    expect(loaded.specs).toEqual([{ path: 'acme/openapi.json', sha256: sha256(spec) }]);
    expect(loaded.document.paths['/a'].get.operationId).toBe('a');
    expect(await readdir(path.join(project.cacheDir, 'downloads'))).toEqual([`${sha256(spec)}-openapi.json`]);

    // Second run: served from the cache, even with downloading disabled.
    const again = await loadVendor('acme', { root: project.root, mirror: project.mirror, download: false });
    expect(server.requested).toHaveLength(1);
    expect(again.document).toEqual(loaded.document);
  });

  it('rejects a download whose hash differs from the lock and does not cache it', async () => {
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: spec, inMirror: false }] } });
    const tampered = spec.replace('"a"', '"b"');
    const server = serving({ [urlFor('acme/openapi.json')]: tampered });
    const error = await inputError(loadVendor('acme', { root: project.root, mirror: project.mirror, fetch: server.fetch }));
    expect(error.file).toBe('acme/openapi.json');
    expect(error.message).toContain(urlFor('acme/openapi.json'));
    expect(error.message).toContain(`the lock expects ${sha256(spec)}, the file has ${sha256(tampered)}`);
    await expect(readdir(path.join(project.cacheDir, 'downloads'))).rejects.toThrow();
  });

  it('reports an HTTP failure with the url and status', async () => {
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: spec, inMirror: false }] } });
    const error = await inputError(loadVendor('acme', { root: project.root, mirror: project.mirror, fetch: serving({}).fetch }));
    expect(error.message).toContain(`downloading ${urlFor('acme/openapi.json')} failed: HTTP 404`);
  });

  it('resolves role previous files on request and ignores them when loading', async () => {
    const previous = openapi({ '/old': { get: { operationId: 'old', responses: OK } } });
    project = await tempProject({
      acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: spec }, { path: 'acme/previous/openapi.json', content: previous, role: 'previous' }] },
    });
    const loaded = await loadVendor('acme', { root: project.root, mirror: project.mirror, download: false });
    expect(loaded.specs.map((file) => file.path)).toEqual(['acme/openapi.json']);
    expect(Object.keys(loaded.document.paths)).toEqual(['/a']);
    const lock = await readLock(project.root);
    const entry = lock.vendors.acme!.files[1]!;
    const resolved = await resolveSpecFile(entry, { root: project.root, mirror: project.mirror, download: false });
    expect(resolved.origin).toBe('mirror');
    expect(resolved.sha256).toBe(sha256(previous));
    expect(resolved.bytes.toString('utf8')).toBe(previous);
  });

  it('takes the mirror from SVCGEN_SPEC_MIRROR when no option names one', async () => {
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: spec }] } });
    const saved = process.env.SVCGEN_SPEC_MIRROR;
    process.env.SVCGEN_SPEC_MIRROR = project.mirror;
    try {
      const loaded = await loadVendor('acme', { root: project.root, download: false });
      expect(loaded.specs[0]!.sha256).toBe(sha256(spec));
    } finally {
      if (saved === undefined) delete process.env.SVCGEN_SPEC_MIRROR;
      else process.env.SVCGEN_SPEC_MIRROR = saved;
    }
  });
});
