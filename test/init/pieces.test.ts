// The text edits `svcgen init` makes on freshly scaffolded files, and how it assigns --operation and
// --event to vendors: on small inputs, so a change in the scaffold's text shows up here first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { secretsRead } from '../../generator/init/env-names.ts';
import { fillHandler } from '../../generator/init/example.ts';
import { addImports } from '../../generator/init/imports.ts';
import { selectPerVendor } from '../../generator/init/selection.ts';
import type { ApiModel } from '../../generator/model/types.ts';

const model = (vendor: string, operations: string[], events: string[]) =>
  ({
    vendor,
    operations: operations.map((id) => ({ id, functionName: id.charAt(0).toLowerCase() + id.slice(1), originalId: id })),
    webhooks: events.length ? { events: events.map((name) => ({ name })) } : undefined,
  }) as unknown as ApiModel;

describe('selectPerVendor', () => {
  const models = new Map([
    ['acme', model('acme', ['CreateWidget', 'GetWidget'], ['widget.created', 'widget.deleted'])],
    ['globex', model('globex', ['CreateWidget', 'ListGadgets'], ['widget.created'])],
  ]);

  it('gives a bare operation to the one vendor that has it, and asks for VENDOR:ID when two do', () => {
    expect(selectPerVendor(models, ['ListGadgets'], []).get('globex')!.operations).toEqual(['ListGadgets']);
    expect(() => selectPerVendor(models, ['CreateWidget'], [])).toThrow(/acme and globex: write VENDOR:CreateWidget/);
    expect(selectPerVendor(models, ['acme:CreateWidget'], []).get('acme')!.operations).toEqual(['CreateWidget']);
    expect(() => selectPerVendor(models, ['Nope'], [])).toThrow(/no chosen vendor \(acme, globex\) has an operation 'Nope'/);
  });

  it('gives a bare event to every vendor that sends it, and each vendor with webhooks at least its first event', () => {
    const both = selectPerVendor(models, [], ['widget.created']);
    expect(both.get('acme')!.events).toEqual(['widget.created']);
    expect(both.get('globex')!.events).toEqual(['widget.created']);
    expect(selectPerVendor(models, [], ['acme:widget.deleted']).get('globex')!.events).toEqual(['widget.created']);
    expect(() => selectPerVendor(models, [], ['widget.exploded'])).toThrow(/sends a webhook event 'widget.exploded'/);
  });
});

describe('edits of a scaffolded file', () => {
  const scaffolded = [
    "import { Hono } from 'hono';",
    'import {',
    '  type A,',
    "} from './a.ts';",
    '',
    'export interface Bindings {',
    '  ACME_API_KEY: string;',
    '  ANALYTICS?: unknown;',
    '}',
    'const routes = createAcmeWebhookRoutes({',
    "  secret: { env: 'ACME_WEBHOOK_SECRET' },",
    '  handlers: {',
    "    'widget.created': async (event) => {",
    '      // TODO: handle widget.created.',
    '      void event;',
    '    },',
    "    'widget.deleted': async (event) => {",
    '      void event;',
    '    },',
    '  },',
    '});',
    '',
  ].join('\n');

  it('adds imports after the last (multi-line) import, once', () => {
    const once = addImports(scaffolded, ["import { x } from './x.ts';"], 'acme.ts');
    expect(once).toContain("} from './a.ts';\nimport { x } from './x.ts';\n");
    expect(addImports(once, ["import { x } from './x.ts';"], 'acme.ts')).toBe(once);
  });

  it('fills one handler body and leaves the others as they were', () => {
    const filled = fillHandler(scaffolded, 'widget.created', 'await notify(event);', 'acme.ts');
    expect(filled).toContain("    'widget.created': async (event) => {\n      await notify(event);\n    },\n    'widget.deleted': async (event) => {\n      void event;\n    },");
    expect(() => fillHandler(scaffolded, 'widget.exploded', 'x;', 'acme.ts')).toThrow(/no scaffolded handler for 'widget.exploded'/);
  });

  it('lists the secrets a file reads: its Bindings strings and the receivers’ env names', () => {
    expect(secretsRead(scaffolded)).toEqual(['ACME_API_KEY', 'ACME_WEBHOOK_SECRET']);
  });
});

describe('the Worker templates', () => {
  it("import zod as a namespace: `import { z }` makes the bundler keep all of zod, locales included", () => {
    const root = fileURLToPath(new URL('../../templates/init/', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|mts|hbs)$/.test(file));
    expect(files.length).toBeGreaterThan(5);
    const named = files.filter((file) => /import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*'zod'/.test(readFileSync(join(root, file), 'utf8')));
    expect(named).toEqual([]);
  });
});
