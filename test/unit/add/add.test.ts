// `svcgen add` on a made-up payments spec (test/fixtures/add/acme-pay.json: OpenAPI 3.1, one
// apiKey header scheme, an Idempotency-Key header on POST) in a throw-away project, then calls
// through the generated client: to a capture server on 127.0.0.1 (the key in the spec's header and
// no other credential, one Idempotency-Key across a retried 503, the JSON body as passed) and to
// Prism mocking the same spec (every operation accepted). A spec svcgen refuses changes nothing.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdd } from '../../../generator/cli/add-command.ts';
import { startCaptureServer, type CaptureServer } from '../../support/capture-server.ts';
import { startPrism, type PrismServer } from '../../support/prism.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SPEC = path.join(ROOT, 'test/fixtures/add/acme-pay.json');
const KEY = 'test-key-not-a-secret';
const CONFIG = `import { defineConfig } from 'svcgen/config';

// The test project's config.
export default defineConfig({
  specMirror: 'mirror',
  download: false,
  vendors: {
    other: {},
  },
});
`;
const LOCK = { lockVersion: 1, vendors: {} };

function newProject(label: string): string {
  const cache = path.join(ROOT, '.svcgen-cache');
  mkdirSync(cache, { recursive: true });
  // Under the repository so generated code resolves `svcgen/runtime` by self-reference.
  const root = mkdtempSync(path.join(cache, `test-add-${label}-`));
  mkdirSync(path.join(root, 'specs'), { recursive: true });
  writeFileSync(path.join(root, 'specs/lock.json'), JSON.stringify(LOCK, null, 2) + '\n');
  writeFileSync(path.join(root, 'svcgen.config.ts'), CONFIG.replace('    other: {},\n', ''));
  return root;
}

function io(cwd: string) {
  let out = '';
  let err = '';
  return { cwd, stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, get out() { return out; }, get err() { return err; } };
}

describe('svcgen add', () => {
  let root: string;
  let code: number;
  let output: ReturnType<typeof io>;
  let capture: CaptureServer;
  let prism: PrismServer;
  let mod: Record<string, any>;

  beforeAll(async () => {
    root = newProject('ok');
    output = io(root);
    code = await runAdd(['acme-pay', '--spec', SPEC], output);
    if (code === 0) mod = await import(path.join(root, 'generated/acme-pay/index.ts'));
    capture = await startCaptureServer();
    prism = await startPrism(SPEC, { root: ROOT });
  }, 240_000);

  afterAll(async () => {
    await capture?.close();
    await prism?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('exits 0 and says what it did', () => {
    expect(output.err).toBe('');
    expect(code).toBe(0);
    expect(output.out).toContain('acme-pay: pinned acme-pay/acme-pay.json in specs/lock.json');
    expect(output.out).toMatch(/acme-pay: 4 operations generated into generated[/\\]acme-pay/);
  });

  it('pins the file in specs/lock.json with its sha256, size and source, and copies it into the mirror', () => {
    const bytes = readFileSync(SPEC);
    const lock = JSON.parse(readFileSync(path.join(root, 'specs/lock.json'), 'utf8'));
    expect(lock.vendors['acme-pay']).toEqual({
      format: 'openapi-3.1',
      files: [{ path: 'acme-pay/acme-pay.json', url: `file://${SPEC}`, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, role: 'input', source: SPEC }],
    });
    expect(readFileSync(path.join(root, 'mirror/acme-pay/acme-pay.json')).equals(bytes)).toBe(true);
  });

  it('writes a starter profile with what it inferred and a comment on each guess', () => {
    const text = readFileSync(path.join(root, 'specs/overlays/acme-pay/00-profile.yaml'), 'utf8');
    const profile = (loadYaml(text) as any).actions[0].update['x-svcgen'];
    expect(profile.displayName).toBe('AcmePay');
    expect(profile.servers).toEqual([{ name: 'default', url: 'https://api.acme-pay.example/v1' }]);
    expect(profile.idempotency).toEqual({ kind: 'header', name: 'Idempotency-Key', methods: ['post'], onlyWhereDeclared: true });
    expect(profile.pagination).toEqual([{ style: 'opaque-cursor', whenQuery: 'cursor', itemsField: 'data', nextField: 'next_cursor', cursorParam: 'cursor', sizeParam: 'limit' }]);
    expect(profile.auth).toBeUndefined();
    expect(text).toContain("# no auth section: auth comes from the spec's security schemes, ApiKeyAuth (apiKey in header 'X-Api-Key')");
    expect(text).toMatch(/# generic defaults, not the vendor's documented policy; rateLimits.default is a placeholder/);
  });

  it('adds the vendor to the config without touching the rest', () => {
    const before = CONFIG.replace('    other: {},\n', '');
    expect(before).toContain('  vendors: {\n  },\n');
    expect(readFileSync(path.join(root, 'svcgen.config.ts'), 'utf8')).toBe(before.replace('  vendors: {\n  },\n', "  vendors: { 'acme-pay': {} },\n"));
  });

  it('sends the key in the spec\'s header and no other credential, and none on `security: []`', async () => {
    const client = mod.createAcmePayClient({ apiKey: KEY, baseUrl: capture.url });
    capture.take();
    await mod.getPayment(client, { params: { path: { id: 'pay_1' } } });
    await mod.health(client, {});
    const [get, health] = capture.take();
    expect(get!.headers['x-api-key']).toBe(KEY);
    expect(get!.headers.authorization).toBeUndefined();
    expect(health!.headers['x-api-key']).toBeUndefined();
  });

  it('reuses one Idempotency-Key across a retried 503 and sends the JSON body as passed', async () => {
    let calls = 0;
    const flaky = await startCaptureServer({ responders: [() => (++calls === 1 ? { status: 503, body: { message: 'busy' } } : { status: 201, body: { id: 'pay_1', amount: 1250, currency: 'eur', status: 'pending' } })] });
    try {
      const client = mod.createAcmePayClient({ apiKey: KEY, baseUrl: flaky.url, retry: { baseDelayMs: 10, maxDelayMs: 20 } });
      const body = { amount: 1250, currency: 'eur', description: 'Order 42 – café', metadata: { order: '42' } };
      const created = await mod.createPayment(client, { body });
      expect(created).toEqual({ id: 'pay_1', amount: 1250, currency: 'eur', status: 'pending' });
      const [first, second] = flaky.take();
      expect(second).toBeDefined();
      expect(first!.headers['idempotency-key']).toMatch(/\S/);
      expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
      expect(first!.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(Buffer.from(first!.body).toString('utf8'))).toEqual(body);
      expect(Buffer.from(second!.body).equals(Buffer.from(first!.body))).toBe(true);
    } finally {
      await flaky.close();
    }
  });

  it('builds requests Prism accepts for every operation', async () => {
    const client = mod.createAcmePayClient({ apiKey: KEY, baseUrl: prism.url, retry: false });
    const calls: [string, () => Promise<unknown>][] = [
      ['createPayment', () => mod.createPayment(client, { body: { amount: 100, currency: 'usd' } })],
      ['listPayments', () => mod.listPayments(client, { params: { query: { limit: 10 } } })],
      ['getPayment', () => mod.getPayment(client, { params: { path: { id: 'pay_1' } } })],
      ['health', () => mod.health(client, {})],
    ];
    const rejected: string[] = [];
    for (const [name, call] of calls) {
      try {
        await call();
      } catch (error) {
        rejected.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(rejected, prism.output()).toEqual([]);
  });
});

describe('svcgen add refusing a spec', () => {
  it('exits 2 naming the file and pointer, and changes no file', async () => {
    const root = newProject('bad');
    try {
      const bad = path.join(root, 'bad.json');
      writeFileSync(bad, JSON.stringify({ openapi: '3.0.3', info: { title: 'Bad', version: '1' }, paths: { '/a': { get: { responses: {} } } } }));
      const before = { lock: readFileSync(path.join(root, 'specs/lock.json'), 'utf8'), config: readFileSync(path.join(root, 'svcgen.config.ts'), 'utf8') };
      const output = io(root);
      expect(await runAdd(['bad-vendor', '--spec', 'bad.json'], output)).toBe(2);
      expect(output.err).toContain('bad.json#/paths/~1a/get');
      expect(output.err).not.toMatch(/\n\s+at /);
      expect(readFileSync(path.join(root, 'specs/lock.json'), 'utf8')).toBe(before.lock);
      expect(readFileSync(path.join(root, 'svcgen.config.ts'), 'utf8')).toBe(before.config);
      expect(existsSync(path.join(root, 'specs/overlays/bad-vendor'))).toBe(false);
      expect(existsSync(path.join(root, 'mirror/bad-vendor'))).toBe(false);
      expect(existsSync(path.join(root, 'generated'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('puts every touched file back when generating fails after the writes', async () => {
    const root = newProject('rollback');
    try {
      // A config naming a vendor the lock lacks: loads, but generate() refuses it after add has written.
      writeFileSync(path.join(root, 'svcgen.config.ts'), CONFIG.replace('other: {}', 'ghost: {}'));
      const before = { lock: readFileSync(path.join(root, 'specs/lock.json'), 'utf8'), config: readFileSync(path.join(root, 'svcgen.config.ts'), 'utf8') };
      const output = io(root);
      expect(await runAdd(['acme-pay', '--spec', SPEC], output)).toBe(2);
      expect(output.err).toContain('ghost');
      expect(readFileSync(path.join(root, 'specs/lock.json'), 'utf8')).toBe(before.lock);
      expect(readFileSync(path.join(root, 'svcgen.config.ts'), 'utf8')).toBe(before.config);
      expect(existsSync(path.join(root, 'specs/overlays/acme-pay'))).toBe(false);
      expect(existsSync(path.join(root, 'mirror/acme-pay/acme-pay.json'))).toBe(false);
      expect(existsSync(path.join(root, 'generated'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it('exits 2 on a name that cannot be a vendor, and on a vendor already pinned', async () => {
    const root = newProject('names');
    try {
      const output = io(root);
      expect(await runAdd(['Acme Pay', '--spec', SPEC], output)).toBe(2);
      expect(output.err).toContain("'Acme Pay' is not a vendor name");
      writeFileSync(path.join(root, 'specs/lock.json'), JSON.stringify({ lockVersion: 1, vendors: { 'acme-pay': { format: 'openapi-3.1', files: [{ path: 'x/y.json', url: 'https://example.invalid/y.json', sha256: 'a'.repeat(64), role: 'input' }] } } }));
      const again = io(root);
      expect(await runAdd(['acme-pay', '--spec', SPEC], again)).toBe(2);
      expect(again.err).toContain('specs/lock.json#/vendors/acme-pay');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
