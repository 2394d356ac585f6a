// Every failure caused by the input is a SvcgenInputError (exit 2) that names the file and the
// place in it.
import { afterEach, describe, expect, it } from 'vitest';
import { loadVendor } from '../../../generator/load/index.ts';
import { inputError } from './expect-input-error.ts';
import { OK, openapi, tempProject, urlFor } from './temp-project.ts';
import type { TempProject } from './temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

const options = (p: TempProject) => ({ root: p.root, mirror: p.mirror, download: false });

describe('input errors', () => {
  it('malformed YAML names the file, line and column', async () => {
    const yaml = ['openapi: 3.0.3', 'info:', '  title: Broken', '  version: "1"', 'paths:', '  /a:', '    get: [unclosed', ''].join('\n');
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.yaml', content: yaml }] } });
    const error = await inputError(loadVendor('acme', options(project)));
    expect(error.file).toBe('acme/openapi.yaml');
    expect(error.line).toBeGreaterThanOrEqual(7);
    expect(error.column).toBeGreaterThan(0);
    expect(error.message).toMatch(/^acme\/openapi\.yaml:\d+:\d+: invalid YAML/);
  });

  it('malformed JSON names the file, line and column', async () => {
    const json = '{\n  "openapi": "3.0.3",\n  "info": {"title": "x", "version": "1"},\n  "paths": {\n    "/a": {"get": tru}\n  }\n}\n';
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: json }] } });
    const error = await inputError(loadVendor('acme', options(project)));
    expect(error.file).toBe('acme/openapi.json');
    expect(error.line).toBe(5);
    // V8 and our locator both point at the '}' that cut the literal `tru` short.
    expect(error.column).toBe(22);
    expect(error.message).toMatch(/^acme\/openapi\.json:5:22: invalid JSON/);
  });

  it('a dangling $ref that no overlay resolves names the file and the pointer of the $ref', async () => {
    const spec = openapi({
      '/widgets': { get: { operationId: 'listWidgets', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } } } } } },
    });
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: spec }] } });
    const error = await inputError(loadVendor('acme', options(project)));
    expect(error.file).toBe('acme/openapi.json');
    expect(error.pointer).toBe('/paths/~1widgets/get/responses/200/content/application~1json/schema/$ref');
    expect(error.message).toContain("'#/components/schemas/Widget' does not resolve");
  });

  it('a dangling $ref written by an effective overlay names the overlay action', async () => {
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: openapi({ '/a': { get: { operationId: 'a', responses: OK } } }) }] } });
    const overlay = await project.writeOverlay('acme', '10-add.yaml', [
      'overlay: 1.0.0',
      'info: {title: t, version: "1"}',
      'actions:',
      '  - target: $.info',
      '    update: {description: fine}',
      '  - target: "$.paths[\'/a\'].get.responses[\'200\']"',
      '    update:',
      '      content:',
      '        application/json:',
      '          schema: {$ref: "#/components/schemas/Nope"}',
    ].join('\n'));
    const error = await inputError(loadVendor('acme', options(project)));
    expect(error.file).toBe(overlay);
    expect(error.pointer).toBe('/actions/1/update');
    expect(error.message).toContain('/paths/~1a/get/responses/200/content/application~1json/schema/$ref');
  });

  it('a sha256 mismatch names the file and both hashes', async () => {
    const content = openapi({ '/a': { get: { operationId: 'a', responses: OK } } });
    const wrong = 'a'.repeat(64);
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content, sha256: wrong }] } });
    const error = await inputError(loadVendor('acme', options(project)));
    expect(error.file).toBe('acme/openapi.json');
    expect(error.message).toContain(`expects ${wrong}`);
    expect(error.message).toMatch(/the file has [0-9a-f]{64}/);
  });

  it('a file missing from the mirror with no network names the file, the mirror path and the url', async () => {
    const content = openapi({ '/a': { get: { operationId: 'a', responses: OK } } });
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content, inMirror: false }] } });
    const failingFetch = (async () => {
      throw new TypeError('fetch failed: network unreachable');
    }) as unknown as typeof fetch;
    const error = await inputError(loadVendor('acme', { root: project.root, mirror: project.mirror, fetch: failingFetch }));
    expect(error.file).toBe('acme/openapi.json');
    expect(error.message).toContain(`${project.mirror}/acme/openapi.json`);
    expect(error.message).toContain(urlFor('acme/openapi.json'));
    expect(error.message).toContain('network unreachable');

    const disabled = await inputError(loadVendor('acme', options(project)));
    expect(disabled.message).toContain('downloading is disabled');
    expect(disabled.message).toContain(urlFor('acme/openapi.json'));
  });

  it('an overlay target that matches nothing names the overlay and /actions/<i>/target', async () => {
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: openapi({ '/a': { get: { operationId: 'a', responses: OK } } }) }] } });
    const overlay = await project.writeOverlay('acme', '10-x.yaml', [
      'overlay: 1.0.0',
      'info: {title: t, version: "1"}',
      'actions:',
      '  - target: $.info',
      '    update: {x-ok: true}',
      '  - target: $.foo',
      '    update: {bar: 1}',
    ].join('\n'));
    const error = await inputError(loadVendor('acme', options(project)));
    expect(error.file).toBe(overlay);
    expect(error.pointer).toBe('/actions/1/target');
    expect(error.message).toBe(`${overlay}#/actions/1/target: target '$.foo' matches nothing`);
  });

  it('an operation with neither an operationId nor a derivable name names /paths/<path>/<method>', async () => {
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: openapi({ '*': { post: { responses: OK } } }) }] } });
    const error = await inputError(loadVendor('acme', options(project)));
    expect(error.file).toBe('acme/openapi.json');
    expect(error.pointer).toBe('/paths/*/post');
    expect(error.message).toContain('no operationId');
  });

  it('an unknown vendor names the lock file', async () => {
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: openapi({}) }] } });
    const error = await inputError(loadVendor('nobody', options(project)));
    expect(error.file).toBe('specs/lock.json');
    expect(error.pointer).toBe('/vendors/nobody');
  });

  it('a format that contradicts the lock names the version field', async () => {
    project = await tempProject({ acme: { format: 'swagger-2.0', files: [{ path: 'acme/openapi.json', content: openapi({}) }] } });
    const error = await inputError(loadVendor('acme', options(project)));
    expect(error.pointer).toBe('/openapi');
    expect(error.message).toContain('the lock says swagger-2.0');
  });

  it('an operation without responses and an undeclared path parameter are rejected', async () => {
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: openapi({ '/a': { get: { operationId: 'a', responses: {} } } }) }] } });
    const noResponses = await inputError(loadVendor('acme', options(project)));
    expect(noResponses.pointer).toBe('/paths/~1a/get');
    expect(noResponses.message).toContain('has no responses (OpenAPI 3.0 requires at least one response code or `default`; declare what it answers in an overlay)');
    await project.cleanup();

    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: openapi({ '/a/{id}': { get: { operationId: 'a', responses: OK } } }) }] } });
    const undeclared = await inputError(loadVendor('acme', options(project)));
    expect(undeclared.pointer).toBe('/paths/~1a~1{id}/get');
    expect(undeclared.message).toContain("path parameter 'id'");
  });
});
