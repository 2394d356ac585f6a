// OpenAPI Overlay 1.0 semantics and the two stages at which overlays apply.
import { afterEach, describe, expect, it } from 'vitest';
import { loadVendor } from '../../../generator/load/index.ts';
import { applyOverlay, checkOverlay } from '../../../generator/load/overlay.ts';
import { SvcgenInputError } from '../../../generator/load/errors.ts';
import { inputError } from './expect-input-error.ts';
import { fixture, OK, openapi, tempProject } from './temp-project.ts';
import type { TempProject } from './temp-project.ts';

function overlayOf(actions: unknown[], extra: Record<string, unknown> = {}) {
  return checkOverlay('specs/overlays/acme/10-test.yaml', 'x'.repeat(64), { overlay: '1.0.0', info: { title: 't', version: '1' }, actions, ...extra });
}

describe('overlay actions', () => {
  it('update merges objects recursively, concatenates arrays and replaces other values', () => {
    const document: Record<string, any> = {
      info: { title: 'A', contact: { name: 'n', email: 'e' } },
      tags: [{ name: 'one' }],
      servers: [{ url: 'https://a.test' }],
      paths: { '/a': { get: { summary: 'old', parameters: [{ name: 'p', in: 'query' }] } } },
    };
    applyOverlay(document, overlayOf([
      { target: '$.info', update: { title: 'B', contact: { email: 'new' }, 'x-svcgen': { keep: [1] } } },
      { target: '$.tags', update: [{ name: 'two' }, { name: 'three' }] },
      { target: '$.servers', update: { url: 'https://b.test' } },
      { target: "$.paths['/a'].get", update: { summary: 'new', parameters: [{ name: 'q', in: 'query' }] } },
    ]));
    expect(document.info).toEqual({ title: 'B', contact: { name: 'n', email: 'new' }, 'x-svcgen': { keep: [1] } });
    expect(document.tags.map((tag: { name: string }) => tag.name)).toEqual(['one', 'two', 'three']);
    expect(document.servers).toEqual([{ url: 'https://a.test' }, { url: 'https://b.test' }]);
    expect(document.paths['/a'].get.summary).toBe('new');
    expect(document.paths['/a'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['p', 'q']);
  });

  it('update copies its value, so two targets never share one object', () => {
    const document: Record<string, any> = { paths: { '/a': { get: {} }, '/b': { get: {} } } };
    applyOverlay(document, overlayOf([{ target: '$.paths.*.get', update: { 'x-svcgen-source': { note: 'n' } } }]));
    expect(document.paths['/a'].get['x-svcgen-source']).toEqual({ note: 'n' });
    expect(document.paths['/a'].get['x-svcgen-source']).not.toBe(document.paths['/b'].get['x-svcgen-source']);
  });

  it('remove deletes every matched object member and array element', () => {
    const document: Record<string, any> = {
      paths: { '/a': { get: { operationId: 'a' }, post: { operationId: 'b' } }, '/b': { get: { operationId: 'c' } } },
      tags: [{ name: 'keep' }, { name: 'drop' }, { name: 'keep2' }, { name: 'drop' }],
    };
    applyOverlay(document, overlayOf([
      { target: "$.paths['/a'].post", remove: true },
      { target: "$.paths['/b']", remove: true },
      { target: "$.tags[?(@.name == 'drop')]", remove: true },
    ]));
    expect(document.paths).toEqual({ '/a': { get: { operationId: 'a' } } });
    expect(document.tags).toEqual([{ name: 'keep' }, { name: 'keep2' }]);
  });

  it('rejects an update of a primitive and a malformed overlay, naming the action', () => {
    const update = () => applyOverlay({ info: { title: 'x' } }, overlayOf([{ target: '$.info.title', update: { a: 1 } }]));
    expect(update).toThrow(SvcgenInputError);
    expect(update).toThrow('specs/overlays/acme/10-test.yaml#/actions/0/target');
    expect(() => overlayOf([{ target: 'info' , update: {} }])).toThrow('#/actions/0/target');
    expect(() => overlayOf([{ target: '$.info' }])).toThrow('#/actions/0: an action needs');
    expect(() => checkOverlay('o.yaml', '', { overlay: '2.0.0', actions: [] })).toThrow('o.yaml#/overlay');
  });
});

describe('overlay stages', () => {
  let project: TempProject | undefined;
  afterEach(async () => {
    await project?.cleanup();
    project = undefined;
  });

  it('applies effective overlays in filename order to the merged document and keeps their x- extensions', async () => {
    project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: openapi({ '/a': { get: { operationId: 'a', responses: OK } } }) }] } });
    const second = await project.writeOverlay('acme', '20-second.yaml', 'overlay: 1.0.0\ninfo: {title: t, version: "1"}\nactions:\n  - target: $.x-svcgen\n    update: {order: [second]}\n');
    const first = await project.writeOverlay('acme', '10-first.yaml', [
      'overlay: 1.0.0',
      'info: {title: t, version: "1"}',
      'actions:',
      '  - target: $',
      '    update:',
      '      x-svcgen: {order: [first], retry: {maxRetries: 2}}',
      '  - target: $.paths',
      '    update:',
      '      /b:',
      '        post:',
      '          x-svcgen-source: {note: from the SDK}',
      '          responses: {"201": {description: created}}',
    ].join('\n'));
    await project.writeOverlay('acme', 'README.md', 'not an overlay');
    const loaded = await loadVendor('acme', { root: project.root, mirror: project.mirror, download: false });
    expect(loaded.overlays.map((overlay) => overlay.path)).toEqual([first, second]);
    expect(loaded.document['x-svcgen']).toEqual({ order: ['first', 'second'], retry: { maxRetries: 2 } });
    const added = loaded.document.paths['/b'].post;
    expect(added['x-svcgen-source']).toEqual({ note: 'from the SDK' });
    // No operationId in the overlay: one is derived and listed.
    expect(added.operationId).toBe('postB');
    expect(loaded.renamed).toEqual([{ from: '', to: 'postB', operation: 'POST /b', reason: 'no operationId; derived from method and path' }]);
  });

  it('applies a source overlay to the named file before conversion', async () => {
    project = await tempProject({ shop: { format: 'swagger-2.0', files: [{ path: 'shop/swagger.json', content: await fixture('swagger2-shop.json') }] } });
    const withoutOverlay = await inputError(loadVendor('shop', { root: project.root, mirror: project.mirror, download: false }));
    expect(withoutOverlay.pointer).toBe('/definitions/VoidRequest/properties/reason/$ref');
    expect(withoutOverlay.message).toContain('source-stage overlay');

    await project.writeOverlay('shop', '10-missing-definitions.yaml', await fixture('swagger2-shop-missing-definitions.yaml'));
    const loaded = await loadVendor('shop', { root: project.root, mirror: project.mirror, download: false });
    expect(loaded.document.components.schemas.VoidReason.enum).toContain('fraudulent');
  });

  it('requires x-svcgen-file for a source overlay of a multi-file vendor and checks it against the lock', async () => {
    const spec = openapi({ '/a': { get: { operationId: 'a', responses: OK } } }, {}, '3.1.0');
    const other = openapi({ '/b': { get: { operationId: 'b', responses: OK } } }, {}, '3.1.0');
    project = await tempProject({ acme: { format: 'openapi-3.1', files: [{ path: 'acme/x_one.json', content: spec }, { path: 'acme/x_two.json', content: other }] } });
    const path = await project.writeOverlay('acme', '10-src.yaml', 'overlay: 1.0.0\ninfo: {title: t, version: "1"}\nx-svcgen-stage: source\nactions:\n  - target: $.info\n    update: {description: d}\n');
    const missing = await inputError(loadVendor('acme', { root: project.root, mirror: project.mirror, download: false }));
    expect(missing.file).toBe(path);
    expect(missing.pointer).toBe('/x-svcgen-file');

    await project.writeOverlay('acme', '10-src.yaml', 'overlay: 1.0.0\ninfo: {title: t, version: "1"}\nx-svcgen-stage: source\nx-svcgen-file: acme/x_two.json\nactions:\n  - target: "$.paths[\'/b\'].get"\n    update: {summary: from source overlay}\n');
    const loaded = await loadVendor('acme', { root: project.root, mirror: project.mirror, download: false });
    expect(loaded.document.paths['/b'].get.summary).toBe('from source overlay');
    expect(loaded.document.paths['/a'].get.summary).toBeUndefined();
  });
});
