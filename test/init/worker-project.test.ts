// End to end, from the packed tarball: npm pack → `svcgen init` (run from the installed tarball)
// with every pinned vendor and the payments example → npm install (svcgen from the tarball, the
// rest from the registry through the shared npm cache) → tsc --noEmit → the Worker's own tests in
// workerd → `svcgen check` in the Worker → wrangler deploy --dry-run (bundle size printed) →
// regeneration inside the Worker: the vendor with an earlier pinned spec is moved to it,
// regenerated and re-scaffolded with a new event, and every route and handler the user edited
// stays byte-for-byte the same. Then Workers made with --from from projects pinning vendors svcgen
// does not ship (JSON deliveries; urlencoded form deliveries and JSON whose digest the URL
// carries; one added from a local file that sends no webhooks, checked clean once its project is
// gone) install and pass their tests.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandEnv, run, seconds } from './run.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(ROOT, 'test', '.work', `init-${process.pid}`);
const WORKER = path.join(WORK, 'worker');
const MIRROR = path.resolve(ROOT, process.env.SVCGEN_SPEC_MIRROR ?? '../shared/specs');
/** A project of a user's own: one vendor svcgen does not ship, pinned with its mirror beside it. */
const FOURTH_FIXTURE = path.join(ROOT, 'test', 'fixtures', 'cli-project');
/** A spec with no webhooks, two security schemes and no shorthand (test/unit/scaffold/spec-shapes.test.ts), for a Worker made `--from` a project that added it from a local file. */
const PLAIN_SPEC = path.join(ROOT, 'test', 'fixtures', 'scaffold-shapes', 'openapi.json');
/** A fixture project whose two vendors sign deliveries as Twilio does: urlencoded forms (chirp) and JSON with the body's digest in the URL (relay). */
const FORM_FIXTURE = path.join(ROOT, 'test', 'fixtures', 'form-webhooks-project');
const env = commandEnv({ SVCGEN_SPEC_MIRROR: MIRROR });

interface LockEntry { path: string; role: string; [key: string]: unknown }
const svcgenLock = JSON.parse(readFileSync(path.join(ROOT, 'specs', 'lock.json'), 'utf8')) as { vendors: Record<string, { files: LockEntry[] }> };
const vendors = Object.keys(svcgenLock.vendors);
/** The vendor whose lock keeps an earlier spec (role `previous`), for the regeneration test. */
const updated = vendors.find((v) => svcgenLock.vendors[v]!.files.some((f) => f.role === 'previous'));

let tarball = '';
let initStarted = 0;
/** Each step needs the one before; after a failure the rest report that instead of piling up errors. */
let failedStep: string | undefined;

function step(name: string, body: () => void): void {
  it(name, () => {
    if (failedStep) throw new Error(`skipped: an earlier step failed (${failedStep})`);
    try {
      body();
    } catch (error) {
      failedStep = name;
      throw error;
    }
  });
}

function log(line: string): void {
  process.stdout.write(`init e2e: ${line}\n`);
}

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
});

afterAll(() => {
  if (!process.env.SVCGEN_KEEP_INIT_WORK) rmSync(WORK, { recursive: true, force: true });
});

describe.sequential('a Worker made by svcgen init from the packed tarball', () => {
  step('npm pack builds a tarball with the compiled generator and runtime and no TypeScript sources', () => {
    const packed = run('npm', ['pack', '--pack-destination', WORK, '--json'], ROOT, env);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; size: number; files: { path: string }[] }[];
    tarball = path.join(WORK, info!.filename);
    const files = info!.files.map((f) => f.path);
    log(`tarball ${info!.filename}: ${(info!.size / 1024).toFixed(1)} KiB, ${files.length} files (${seconds(packed.ms)})`);
    expect(files).toContain('bin/svcgen.js');
    expect(files).toContain('dist/generator/cli/main.js');
    expect(files).toContain('dist/runtime/index.js');
    expect(files).toContain('dist/types/runtime/index.d.ts');
    expect(files).toContain('dist/templates/init/wrangler.jsonc.hbs');
    expect(files).toContain('specs/lock.json');
    expect(files.filter((f) => /^(generator|runtime|test|bench)\//.test(f))).toEqual([]);
  });

  step('svcgen init, run from the installed tarball, writes the project', () => {
    const tool = path.join(WORK, 'tool');
    mkdirSync(tool, { recursive: true });
    writeFileSync(path.join(tool, 'package.json'), '{ "private": true }\n');
    const installed = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], tool, env);
    log(`svcgen installed from the tarball in ${seconds(installed.ms)}`);
    initStarted = performance.now();
    const made = run(path.join(tool, 'node_modules', '.bin', 'svcgen'), ['init', WORKER, '--vendors', vendors.join(','), '--example', 'payments', '--svcgen', `file:${tarball}`], WORK, env);
    log(`svcgen init in ${seconds(made.ms)}`);
    for (const file of ['package.json', 'tsconfig.json', 'wrangler.jsonc', '.dev.vars.example', 'README.md', 'svcgen.config.ts', 'specs/lock.json', 'src/index.ts', 'src/env.ts', '.github/workflows/svcgen.yml', 'vitest.config.mts']) {
      expect(existsSync(path.join(WORKER, file)), file).toBe(true);
    }
    for (const vendor of vendors) {
      expect(existsSync(path.join(WORKER, 'generated', vendor, 'client.ts')), `generated/${vendor}`).toBe(true);
      expect(existsSync(path.join(WORKER, 'src', 'routes', `${vendor}.ts`)), `src/routes/${vendor}.ts`).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(path.join(WORKER, 'package.json'), 'utf8'));
    expect(pkg.dependencies.svcgen).toBe(`file:${tarball}`);
    const rootPkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    for (const dep of ['wrangler', 'vitest', '@cloudflare/vitest-plugin', 'typescript']) expect(pkg.devDependencies[dep]).toBe(rootPkg.devDependencies[dep] ?? rootPkg.dependencies[dep]);
    expect(readFileSync(path.join(WORKER, 'generated', vendors[0]!, 'client.ts'), 'utf8')).toMatch(new RegExp(`^// Generated by svcgen ${rootPkg.version.replace(/\./g, '\\.')} `));
  });

  step('npm install, tsc --noEmit and the Worker’s own tests inside workerd pass', () => {
    const installed = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], WORKER, env);
    log(`npm install in the Worker: ${seconds(installed.ms)}`);
    const typed = run('npx', ['tsc', '--noEmit'], WORKER, env);
    log(`tsc --noEmit: ${seconds(typed.ms)}`);
    const tested = run('npm', ['test'], WORKER, env);
    const output = tested.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    const count = /Tests\s+(\d+) passed/.exec(output)?.[1];
    log(`the Worker's npm test: ${count} tests passed in ${seconds(tested.ms)}`);
    log(`time from svcgen init to green tests: ${seconds(performance.now() - initStarted)}`);
    // The summary line only: the Worker's own logs mention failed attempts on purpose.
    expect(output).not.toMatch(/^\s*Tests\s.*\d+ failed/m);
    expect(Number(count)).toBeGreaterThan(0);
    // What the Worker's CI workflow runs first: the generated code matches its pins and config.
    const checked = run('npx', ['svcgen', 'check'], WORKER, env);
    expect(checked.stdout).toContain('generated output matches the pinned specs');
  });

  step('wrangler deploy --dry-run bundles the Worker', () => {
    const outdir = path.join(WORK, 'bundle');
    run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], WORKER, env);
    const scripts = readdirSync(outdir).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = Buffer.concat(scripts.map((f) => readFileSync(path.join(outdir, f))));
    log(`bundle: ${(bytes.length / 1024).toFixed(1)} KiB, gzip ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KiB`);
  });

  /** `svcgen init --from` a fixture project, then its Worker's install, type-check and tests; returns how many webhook tests ran. */
  function initFrom(fixture: string, label: string): number {
    // A fixture project: one vendor, added as lock entry, mirror file and overlays only.
    const project = path.join(WORK, `${label}-project`);
    cpSync(fixture, project, { recursive: true });
    const lock = JSON.parse(readFileSync(path.join(project, 'specs', 'lock.json'), 'utf8')) as { vendors: Record<string, unknown> };
    const pinned = Object.keys(lock.vendors);
    const worker = path.join(WORK, `${label}-worker`);
    const projectEnv = commandEnv({ SVCGEN_SPEC_MIRROR: path.join(project, 'mirror') });
    run(path.join(WORK, 'tool', 'node_modules', '.bin', 'svcgen'), ['init', worker, '--vendors', pinned.join(','), '--from', project, '--svcgen', `file:${tarball}`], WORK, projectEnv);
    const fixtures = readFileSync(path.join(worker, 'test', 'fixtures', 'webhooks.ts'), 'utf8');
    expect(fixtures).toContain('"scheme": "declared"');
    const installed = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], worker, projectEnv);
    run('npx', ['tsc', '--noEmit'], worker, projectEnv);
    const tested = run('npm', ['test'], worker, projectEnv);
    const output = tested.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    const webhookTests = /test\/webhooks\.test\.ts \((\d+) tests?\)/.exec(output)?.[1];
    log(`the ${pinned.join(', ')} Worker (--from): npm install ${seconds(installed.ms)}, npm test ${seconds(tested.ms)}, ${webhookTests} webhook tests`);
    expect(output).not.toMatch(/^\s*Tests\s.*\d+ failed/m);
    return Number(webhookTests);
  }

  step('svcgen init --from a project pinning a vendor svcgen does not ship (a declared webhook scheme): the Worker type-checks and its workerd tests sign and verify that vendor\'s deliveries', () => {
    expect(initFrom(FOURTH_FIXTURE, 'fourth')).toBeGreaterThan(0);
  });

  step('the same for vendors signed as Twilio signs (declared): urlencoded forms over the URL and the sorted fields, and JSON over the URL that carries the body\'s digest', () => {
    expect(initFrom(FORM_FIXTURE, 'form')).toBeGreaterThan(0);
  });

  step('svcgen init --from a project whose vendor, added from a local file, sends no webhooks: its tests pass and `svcgen check` is clean where the project is gone', () => {
    const project = path.join(WORK, 'plain-project');
    mkdirSync(project, { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{ "private": true }\n');
    cpSync(PLAIN_SPEC, path.join(project, 'openapi.json'));
    const projectEnv = commandEnv({ SVCGEN_SPEC_MIRROR: path.join(project, 'mirror') });
    const tool = path.join(WORK, 'tool', 'node_modules', '.bin', 'svcgen');
    run(tool, ['add', 'shapes', '--spec', 'openapi.json'], project, projectEnv);
    const worker = path.join(WORK, 'plain-worker');
    run(tool, ['init', worker, '--vendors', 'shapes', '--from', project, '--operation', 'getItem', '--svcgen', `file:${tarball}`], WORK, projectEnv);
    expect(existsSync(path.join(worker, 'test', 'webhooks.test.ts'))).toBe(false);
    const installed = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], worker, projectEnv);
    run('npx', ['tsc', '--noEmit'], worker, projectEnv);
    const tested = run('npm', ['test'], worker, projectEnv);
    const output = tested.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    log(`the shapes Worker (--from, no webhooks): npm install ${seconds(installed.ms)}, npm test ${seconds(tested.ms)}`);
    expect(output).not.toMatch(/^\s*Tests\s.*\d+ failed/m);
    expect(output).toMatch(/^\s*Tests\s+\d+ passed/m);
    rmSync(project, { recursive: true, force: true });
    const checked = run('npx', ['svcgen', 'check'], worker, commandEnv({ SVCGEN_SPEC_MIRROR: path.join(WORK, 'no-mirror') }));
    expect(checked.stdout).toContain('generated output matches the pinned specs');
  });

  (updated ? step : it.skip)('regenerating from an earlier pinned spec and re-scaffolding keeps user code byte-for-byte', () => {
    const vendor = updated!;
    const routesFile = path.join(WORKER, 'src', 'routes', `${vendor}.ts`);
    // The user's edits: a handler body and a route.
    let text = readFileSync(routesFile, 'utf8');
    const handler = /^([ \t]*)'([^']+)': async \(event\) => \{\n[\s\S]*?\n\1\},$/m.exec(text);
    expect(handler, `no handler in ${routesFile}`).not.toBeNull();
    const editedHandler = `${handler![1]}'${handler![2]}': async (event) => {\n${handler![1]}  console.log('edited by the user', JSON.stringify(event).length);\n${handler![1]}},`;
    text = text.replace(handler![0], editedHandler);
    const route = /^[ \t]*\/\/ svcgen:route .*\n.*async \(c\) => \{\n/m.exec(text);
    expect(route, `no route in ${routesFile}`).not.toBeNull();
    const editedRoute = `${route![0]}    c.header('x-edited-by', 'user');\n`;
    text = text.replace(route![0], editedRoute);
    writeFileSync(routesFile, text);

    // The earlier spec becomes the project's input pin.
    const lockFile = path.join(WORKER, 'specs', 'lock.json');
    const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
    lock.vendors[vendor].files = svcgenLock.vendors[vendor]!.files.filter((f) => f.role === 'previous').map((f) => ({ ...f, role: 'input' }));
    writeFileSync(lockFile, JSON.stringify(lock, null, 2) + '\n');
    const before = statSync(path.join(WORKER, 'generated', vendor, 'types.d.ts')).size;
    const regenerated = run('npx', ['svcgen', 'generate'], WORKER, env);
    log(`svcgen generate after the pin change: ${seconds(regenerated.ms)}`);
    expect(statSync(path.join(WORKER, 'generated', vendor, 'types.d.ts')).size).not.toBe(before);

    const known = [...readFileSync(path.join(WORKER, 'generated', vendor, 'webhooks.ts'), 'utf8').matchAll(/^\s+'([^']+)': /gm)].map((m) => m[1]!);
    const present = [...text.matchAll(/^\s*'([^']+)': async \(event\)/gm)].map((m) => m[1]!);
    const added = known.find((name) => !present.includes(name));
    expect(added, 'an event the routes file has no handler for').toBeDefined();
    run('npx', ['svcgen', 'scaffold', '--vendor', vendor, '--out', `src/routes/${vendor}.ts`, '--event', added!], WORKER, env);
    const after = readFileSync(routesFile, 'utf8');
    expect(after).toContain(editedHandler);
    expect(after).toContain(editedRoute);
    expect(after).toContain(`'${added}': async (event) => {`);
    run('npx', ['tsc', '--noEmit'], WORKER, env);
  });
});

describe('svcgen init input checks', () => {
  it('refuses a non-empty folder without --force, naming it (exit 2), and writes nothing', () => {
    const dir = path.join(WORK, 'occupied');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'svcgen.js'), 'init', dir, '--vendors', vendors[0]!], { cwd: WORK, env, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('occupied');
    expect(result.stderr).toContain('--force');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('rejects an unknown vendor with exit 2 and creates no folder', () => {
    const dir = path.join(WORK, 'unknown-vendor');
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'svcgen.js'), 'init', dir, '--vendors', 'no-such-vendor'], { cwd: WORK, env, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown vendor 'no-such-vendor'");
    expect(result.stderr).toContain('--from PROJECT');
    expect(existsSync(dir)).toBe(false);
  });

  it('with --from, names the vendors that project pins when asked for another', () => {
    const dir = path.join(WORK, 'unknown-from');
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'svcgen.js'), 'init', dir, '--vendors', vendors[0]!, '--from', FOURTH_FIXTURE], { cwd: WORK, env, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`unknown vendor '${vendors[0]}' (--from ${FOURTH_FIXTURE} pins: `);
    expect(existsSync(dir)).toBe(false);
  });
});
