// `svcgen init`: a Worker project that installs, tests in workerd, deploys and regenerates on its
// own. Built in a staging folder (specs, config, generated code, scaffolded routes, rendered
// templates) and moved into the target at the end.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { analyticsQueriesMarkdown } from '../../runtime/log/analytics-sql.ts';
import { generate } from '../generate.ts';
import { loadScaffoldModel } from '../scaffold/load-model.ts';
import { listedWebhooks } from '../scaffold/unsigned-webhooks.ts';
import { planMounts, registeredRoutes, vendorRoutes, WORKER_ROUTES, type FixedRoutes, type RouteCollision } from './mounts.ts';
import type { ApiModel } from '../model/types.ts';
import type { Shadowed } from '../scaffold/merge.ts';
import type { InitArgs } from './args.ts';
import { secretsRead } from './env-names.ts';
import { fillHandler, loadExample, type Example } from './example.ts';
import { addImports } from './imports.ts';
import { webhookFixture, type WebhookFixture } from './fixtures.ts';
import { packageFiles, pinOf } from './package-files.ts';
import { PLATFORM_BINDINGS } from './platform.ts';
import { camelCase } from '../model/naming.ts';
import { renderTree } from './render.ts';
import { scaffoldRoutes } from './routes.ts';
import { selectPerVendor } from './selection.ts';
import { writeSpecs } from './specs.ts';
import { checkTarget, createStaging, publish } from './target.ts';

export interface InitResult {
  dir: string;
  vendors: string[];
  files: string[];
  /**
   * `shadowed`: routes an earlier one answers first; `notes`: the scaffold's other notes (a route
   * whose requirement no request can carry). `mount`: where
   * src/index.ts mounts the file, `/` or `/<vendor>` (see `collisions`).
   */
  routes: { vendor: string; file: string; mount: string; operations: string[]; events: string[]; shadowed: Shadowed[]; notes: string[] }[];
  /** The vendors mounted under their own name, as a route of theirs matches a request another's also matches. */
  collisions: RouteCollision[];
  secrets: string[];
  ms: number;
}

function projectName(dir: string): string {
  return basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'worker';
}

export async function init(args: InitArgs, cwd: string, onStage: (stage: string) => void = () => {}): Promise<InitResult> {
  const started = performance.now();
  const dir = resolve(cwd, args.dir);
  const shown = relative(cwd, dir) || dir;
  checkTarget(dir, args.force, shown);
  const pkg = packageFiles();
  const example: Example | undefined = args.example ? loadExample(pkg.templates, args.example, args.vendors) : undefined;
  const staging = createStaging(dir);
  try {
    onStage('specs');
    await writeSpecs(args.from ? resolve(cwd, args.from) : pkg.root, staging, args.vendors, args.from ? '--from' : undefined);
    onStage('generate');
    // Generated with the config the Worker will have: svcgen.config.ts imports 'svcgen/config', which
    // resolves only once the Worker is installed, so the same object goes in as JSON for this run.
    // Generated with no config, the manifest recorded another config's hash, and the Worker's first
    // `svcgen check` (its CI workflow runs one) reported drift.
    const config = { out: 'generated', vendors: Object.fromEntries(args.vendors.map((v) => [v, {}])) };
    const configJson = join(staging, 'svcgen.init-config.json');
    writeFileSync(configJson, JSON.stringify(config));
    await generate({ root: staging, vendors: args.vendors, force: true, configFile: configJson });
    rmSync(configJson);

    onStage('scaffold');
    const models = new Map<string, ApiModel>();
    const listed = new Map<string, string[]>();
    for (const vendor of args.vendors) {
      const { model, document } = await loadScaffoldModel({ root: staging, vendor });
      models.set(vendor, model);
      listed.set(vendor, listedWebhooks(document));
    }
    const extra = Object.fromEntries(Object.entries(example?.vendors ?? {}).map(([v, e]) => [v, { operations: e.operations ?? [], events: e.events ?? [] }]));
    const selections = selectPerVendor(models, args.operations, args.events, extra, listed);
    const routes = await scaffoldRoutes(staging, models, selections);
    // Registered in src/index.ts before the vendors' routes: the Worker's own and the example's.
    // Hono answers with the first match, so a vendor route that meets another's route is moved,
    // with its vendor's others, under the vendor's name.
    const fixed: FixedRoutes[] = [WORKER_ROUTES];
    const exampleRoutes = example && join(example.dir, 'src', 'example', 'routes.ts');
    if (exampleRoutes && existsSync(exampleRoutes)) fixed.push({ owner: 'the example', routes: registeredRoutes(readFileSync(exampleRoutes, 'utf8')) });
    const { mounts, collisions } = planMounts(
      fixed,
      args.vendors.map((vendor) => ({ vendor, routes: vendorRoutes(models.get(vendor)!, selections.get(vendor)!.operations) })),
    );

    const perVendor = routes.map(({ vendor, file, shadowed, notes }) => {
      const path = join(staging, file);
      let text = readFileSync(path, 'utf8');
      const own = example?.vendors[vendor];
      if (own?.imports) text = addImports(text, own.imports, file);
      for (const [event, body] of Object.entries(own?.handlers ?? {})) text = fillHandler(text, event, body, file);
      writeFileSync(path, text);
      const model = models.get(vendor)!;
      const read = secretsRead(text).filter((name) => !PLATFORM_BINDINGS.includes(name));
      const secretBinding = /secret: \{ env: '([A-Z0-9_]+)' \}/.exec(text)?.[1];
      const fixture: WebhookFixture | undefined = secretBinding
        ? webhookFixture(model, selections.get(vendor)!.events, secretBinding, (event) => example?.vendors[vendor]?.sample?.[event] ?? {}, mounts.get(vendor))
        : undefined;
      // Named after the vendor, not its spec's title: two vendors' specs may share a title.
      const mount = mounts.get(vendor)!;
      const reason = collisions.find((c) => c.vendor === vendor)?.reason;
      return { vendor, file, shadowed, notes, mount, reason, model, read, fixture, module: file.replace(/^src\//, './'), ident: `${camelCase(vendor)}Routes` };
    });
    const secrets = [...new Set(perVendor.flatMap((v) => v.read))].sort();
    const fixtures = perVendor.flatMap((v) => (v.fixture ? [v.fixture] : []));

    writeFileSync(join(staging, 'svcgen.config.ts'), renderConfig(config));
    onStage('templates');
    const name = projectName(dir);
    const dataset = `${name.replace(/-/g, '_')}_events`;
    const data = {
      name,
      svcgenVersion: pkg.version,
      svcgenSpec: args.svcgenSpec ?? pkg.version,
      pins: Object.fromEntries(['hono', 'zod', 'wrangler', 'vitest', 'vite', '@cloudflare/vitest-plugin', 'typescript'].map((dep) => [dep, pinOf(dep)])),
      vendors: perVendor.map((v) => ({ vendor: v.vendor, displayName: v.model.displayName, module: v.module, ident: v.ident, file: v.file, mount: v.mount, reason: v.reason, operations: selections.get(v.vendor)!.operations, events: selections.get(v.vendor)!.events, webhooks: Boolean(v.fixture) })),
      vendorList: args.vendors.join(','),
      secrets,
      fixtures,
      collisions,
      hasWebhooks: fixtures.length > 0,
      example: example?.name,
      analyticsDataset: dataset,
      analyticsSql: analyticsQueriesMarkdown(dataset),
    };
    // Without a vendor that sends verified webhooks there is nothing for the webhook tests to test
    // (an empty describe.each made vitest fail the file: "No test suite found").
    const files = renderTree(pkg.templates, staging, data, ['examples', ...(fixtures.length ? [] : [join('test', 'webhooks.test.ts.hbs')])]);
    if (example) files.push(...renderTree(example.dir, staging, data, ['example.json']));
    publish(staging, dir);
    return {
      dir,
      vendors: args.vendors,
      files: [...files, 'svcgen.config.ts', 'specs/lock.json', ...routes.map((r) => r.file)].sort(),
      routes: perVendor.map((v) => ({ vendor: v.vendor, file: v.file, mount: v.mount, ...selections.get(v.vendor)!, shadowed: v.shadowed, notes: v.notes })),
      collisions,
      secrets,
      ms: performance.now() - started,
    };
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

/** svcgen.config.ts exporting `config` (its default export is that object, key for key). */
function renderConfig(config: { out: string; vendors: Record<string, object> }): string {
  return [
    "import { defineConfig } from 'svcgen/config';",
    '',
    '// What `npx svcgen generate` regenerates here, from the pins in specs/lock.json and the overlays in',
    '// specs/overlays/ (written by `svcgen init`; edit freely).',
    'export default defineConfig({',
    `  out: ${JSON.stringify(config.out).replace(/"/g, "'")},`,
    '  vendors: {',
    ...Object.keys(config.vendors).map((v) => `    ${/^[a-z_$][a-z0-9_$]*$/i.test(v) ? v : JSON.stringify(v)}: {},`),
    '  },',
    '});',
    '',
  ].join('\n');
}
