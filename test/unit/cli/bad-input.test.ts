// The CLI on a small fixture project: a good run, determinism and the up-to-date skip, then each kind
// of bad input must exit 2 with a message naming the file and the pointer or line, and leave the
// previous output byte-for-byte as it was.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSvcgen, snapshot, type Outcome } from '../../support/cli.ts';

// Each case spawns the CLI (Node start, type stripping, generation): seconds, not milliseconds.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const FIXTURE = fileURLToPath(new URL('../../fixtures/cli-project/', import.meta.url));

function svcgen(root: string, args: string[]): Promise<Outcome> {
  return runSvcgen(root, args);
}

let root: string;
let good: Record<string, string>;

function edit(file: string, change: (text: string) => string): void {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** The lock pins the fixture spec's sha256: re-pin after editing the spec on purpose. */
async function repin(file = 'acme/openapi.yaml'): Promise<void> {
  const { createHash } = await import('node:crypto');
  const spec = readFileSync(join(root, 'mirror', file));
  edit('specs/lock.json', (text) => {
    const lock = JSON.parse(text);
    lock.vendors.acme.files[0].sha256 = createHash('sha256').update(spec).digest('hex');
    lock.vendors.acme.files[0].bytes = spec.length;
    return JSON.stringify(lock, null, 2);
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'svcgen-cli-'));
  cpSync(FIXTURE, root, { recursive: true });
  const first = await svcgen(root, ['generate']);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  good = snapshot(join(root, 'generated'));
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('svcgen generate on a good project', () => {
  it('writes the vendor files and a manifest with counts and hashes', () => {
    expect(Object.keys(good).sort()).toEqual(
      // routes.ts and webhooks.ts: the fixture's overlay declares webhooks (a declared scheme).
      ['acme/client.ts', 'acme/index.ts', 'acme/operations.d.ts', 'acme/operations.js', 'acme/routes.ts', 'acme/schemas.d.ts', 'acme/schemas.js', 'acme/types.d.ts', 'acme/webhooks.ts', 'manifest.json'].sort(),
    );
    const manifest = JSON.parse(good['manifest.json']!);
    expect(manifest.vendors.acme.operations).toBe(2);
    expect(manifest.vendors.acme.specs[0].path).toBe('acme/openapi.yaml');
    expect(Object.keys(manifest.vendors.acme.files)).toContain('acme/operations.js');
    expect(good['acme/operations.js']).toContain('export function listWidgetsAll(');
  });

  it('is deterministic: a forced second run gives byte-identical output', async () => {
    const again = await svcgen(root, ['generate', '--force']);
    expect(again.code).toBe(0);
    expect(snapshot(join(root, 'generated'))).toEqual(good);
  });

  it('skips unchanged vendors and says so in --json', async () => {
    const again = await svcgen(root, ['generate', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).vendors[0]).toMatchObject({ vendor: 'acme', upToDate: true, operations: 2 });
  });

  it('check passes on fresh output and fails (exit 1) after a hand edit', async () => {
    expect((await svcgen(root, ['check'])).code).toBe(0);
    const file = join(root, 'generated/acme/client.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original + '\n// edited\n');
    const drift = await svcgen(root, ['check']);
    writeFileSync(file, original);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('acme/client.ts: changed');
  });

  it("answers usage errors with exit 2, the problem and the misused command's help", async () => {
    const bad = await svcgen(root, ['generate', '--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--nope'");
    expect(bad.stderr).toContain('Usage: svcgen generate');
    const unknown = await svcgen(root, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(unknown.stderr).toContain('Commands:');
    const help = await svcgen(root, ['generate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--vendor NAME');
  });
});

describe('bad input: exit 2, file and pointer/line named, output untouched', () => {
  const cases: { name: string; breakIt: () => Promise<void> | void; expectText: RegExp }[] = [
    {
      name: 'malformed YAML',
      breakIt: async () => {
        edit('mirror/acme/openapi.yaml', (t) => t.replace('  /v1/widgets:\n', '  /v1/widgets:\n   bad: [unclosed\n'));
        await repin();
      },
      expectText: /acme\/openapi\.yaml:\d+(:\d+)?/,
    },
    {
      name: 'malformed JSON',
      breakIt: async () => {
        writeFileSync(join(root, 'mirror/acme/openapi.json'), '{\n  "openapi": "3.0.3",\n  "info": {,\n}\n');
        edit('specs/lock.json', (t) => {
          const lock = JSON.parse(t);
          lock.vendors.acme.files[0].path = 'acme/openapi.json';
          return JSON.stringify(lock);
        });
        await repin('acme/openapi.json');
      },
      expectText: /acme\/openapi\.json:3(:\d+)?/,
    },
    {
      name: 'a dangling $ref that no overlay resolves',
      breakIt: async () => {
        edit('mirror/acme/openapi.yaml', (t) => t.replace("items: { $ref: '#/components/schemas/Widget' }\n                  has_more", "items: { $ref: '#/components/schemas/Gadget' }\n                  has_more"));
        await repin();
      },
      expectText: /acme\/openapi\.yaml.*#\/paths\/~1v1~1widgets\/get\/.*Gadget/s,
    },
    {
      // OpenAPI 3.2 adds methods, media-type item schemas and positional multipart that nothing
      // here reads: generating it as 3.1 would drop those parts without a word.
      name: 'an OpenAPI version svcgen does not read (3.2.0)',
      breakIt: async () => {
        edit('mirror/acme/openapi.yaml', (t) => t.replace(/^openapi: .*$/m, 'openapi: 3.2.0'));
        await repin();
      },
      expectText: /acme\/openapi\.yaml#\/openapi: .*"3\.2\.0"/,
    },
    {
      name: 'sha256 mismatch',
      breakIt: () => edit('mirror/acme/openapi.yaml', (t) => t.replace('Acme (test', 'Acme  (test')),
      expectText: /acme\/openapi\.yaml.*sha256/s,
    },
    {
      name: 'missing mirror file and no network',
      breakIt: () => rmSync(join(root, 'mirror/acme/openapi.yaml')),
      expectText: /acme\/openapi\.yaml/,
    },
    {
      name: 'unknown vendor in config',
      breakIt: () => writeFileSync(join(root, 'svcgen.config.json'), JSON.stringify({ vendors: { acme: {}, globex: {} } })),
      expectText: /svcgen\.config\.json#\/vendors\/globex/,
    },
    {
      name: 'an overlay target that matches nothing',
      breakIt: () =>
        writeFileSync(
          join(root, 'specs/overlays/acme/10-broken.yaml'),
          'overlay: 1.0.0\ninfo: { title: broken, version: 1.0.0 }\nactions:\n  - target: $.paths["/v1/nothing"].get\n    update: { summary: x }\n',
        ),
      expectText: /specs\/overlays\/acme\/10-broken\.yaml#\/actions\/0\/target/,
    },
    {
      name: 'an operation with neither operationId nor a derivable name',
      breakIt: async () => {
        edit('mirror/acme/openapi.yaml', (t) => t.replace('paths:\n', "paths:\n  '*':\n    get:\n      responses:\n        '204': { description: empty }\n"));
        await repin();
      },
      expectText: /acme\/openapi\.yaml#\/paths\/\*\/get/,
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const pristine = mkdtempSync(join(tmpdir(), 'svcgen-cli-pristine-'));
      cpSync(root, pristine, { recursive: true });
      try {
        await c.breakIt();
        const args = c.name === 'unknown vendor in config' ? ['generate', '--config', 'svcgen.config.json'] : ['generate', '--force'];
        const outcome = await svcgen(root, args);
        expect(outcome.code).toBe(2);
        expect(outcome.stderr).toMatch(c.expectText);
        expect(outcome.stderr).not.toContain('internal error');
        expect(snapshot(join(root, 'generated'))).toEqual(good);
      } finally {
        rmSync(root, { recursive: true, force: true });
        cpSync(pristine, root, { recursive: true });
        rmSync(pristine, { recursive: true, force: true });
      }
    }, 60_000);
  }
});
