// Worker bundle benchmark: the same small Worker (create a PaymentIntent, verify a webhook) built
// four ways, bundled by esbuild for Workers (ESM, minified) and gzipped at level 9.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { failed, measured, notAvailable, type BenchOptions, type Figure, type Goal, type Outcome, type PeerFigure, type Section } from './lib/figure.ts';
import { projectRoot } from './lib/paths.ts';
import { formatValue } from './lib/format.ts';
import { tidyReason } from './lib/series.ts';
import { attribute, type Attribution } from './bundle-attribution.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'bundle');

export interface BundleEntry {
  readonly id: string;
  readonly name: string;
  readonly file: string;
  readonly goal?: Goal;
}

export const OURS_ENTRY = path.join(FIXTURES, 'ours.ts');
/** The issue's goal for our bundle: at most 8 KiB after gzip, every policy on. */
export const GZIP_GOAL: Goal = { kind: 'absolute', op: '<=', value: 8 * 1024 };
/** What the ours entry imports; without it the figure is n/a rather than a build error. */
export const GENERATED_STRIPE = path.join(projectRoot, 'generated', 'stripe');

export const PEER_ENTRIES: readonly BundleEntry[] = [
  { id: 'stripe-sdk', name: 'stripe SDK (fetch client + SubtleCrypto provider)', file: path.join(FIXTURES, 'stripe-sdk.ts'), goal: { kind: 'ratio', op: '<=', value: 0.25 } },
  { id: 'openapi-fetch', name: 'openapi-fetch + hand-written verify', file: path.join(FIXTURES, 'openapi-fetch.ts'), goal: { kind: 'ratio', op: '<=', value: 2.5 } },
  { id: 'bare-fetch', name: 'bare fetch + WebCrypto', file: path.join(FIXTURES, 'bare-fetch.ts') },
];

/** Parts of ours, each bundled alone: where the gzip bytes go, and the floor openapi-fetch sets. */
export const SPLIT_ENTRIES: readonly { readonly label: string; readonly file: string }[] = [
  { label: 'the client with one operation', file: path.join(FIXTURES, 'ours-client.ts') },
  { label: "openapi-fetch's createClient (in the client)", file: path.join(FIXTURES, 'openapi-fetch-client.ts') },
  { label: 'the webhook verifier', file: path.join(FIXTURES, 'ours-webhook.ts') },
];

export interface BundleSize {
  readonly minified: number;
  readonly gzipped: number;
  /** Minified bytes per input file, largest first: where a bundle's weight comes from. */
  readonly parts: readonly { readonly file: string; readonly bytes: number }[];
  /** Where the gzip bytes go, by PARTS. */
  readonly attribution: Attribution;
}

/** The parts a bundle's gzip bytes are charged to, by source path (first match wins). */
export const PARTS: readonly (readonly [label: string, pattern: RegExp])[] = [
  ['openapi-fetch', /node_modules\/openapi-fetch\//],
  ['webhook verification (runtime/webhooks*, generated webhooks.ts)', /runtime\/webhooks|generated\/[^/]+\/webhooks\./],
  ['policies (runtime/pipeline.ts, runtime/policy/*)', /runtime\/pipeline\.ts|runtime\/policy\//],
  ['auth (runtime/auth/*)', /runtime\/auth\//],
  ['errors and redaction (runtime/errors.ts, error-shapes.ts, redact.ts)', /runtime\/(?:errors|error-shapes|redact)\.ts/],
  ['encoders (runtime/encoding/*)', /runtime\/encoding\//],
  ['logging (runtime/log/*)', /runtime\/log\//],
  ['client (runtime/client.ts, generated client.ts and operations)', /runtime\/client\.ts|generated\//],
];

function partOf(source: string): string {
  return PARTS.find(([, pattern]) => pattern.test(source))?.[0] ?? 'other (the Worker entry, runtime/contract.ts …)';
}

/** Bundles like wrangler does for a Worker: ESM, browser platform, workerd/worker conditions. */
export async function bundleSize(entry: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: projectRoot,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['svcgen-source', 'workerd', 'worker', 'browser'], // svcgen-source: this checkout's runtime sources, not a possibly stale dist/
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    metafile: true,
    // Not written: the map only attributes bytes (an external map adds nothing to the code).
    outfile: 'bundle.js',
    sourcemap: 'external',
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.js'))?.contents;
  const map = result.outputFiles.find((f) => f.path.endsWith('.js.map'))?.text;
  if (!code || !map) throw new Error('esbuild produced no output');
  const inputs = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.js'))?.[1].inputs ?? {};
  const parts = Object.entries(inputs)
    .map(([file, info]) => ({ file, bytes: info.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes || (a.file < b.file ? -1 : 1));
  const attribution = attribute(new TextDecoder().decode(code), JSON.parse(map), partOf);
  return { minified: code.byteLength, gzipped: attribution.whole, parts, attribution };
}

interface Measured {
  readonly min: Outcome;
  readonly gz: Outcome;
  readonly parts?: BundleSize['parts'];
  readonly attribution?: Attribution;
}

async function measure(entry: string): Promise<Measured> {
  try {
    const size = await bundleSize(entry);
    return { min: measured([size.minified]), gz: measured([size.gzipped]), parts: size.parts, attribution: size.attribution };
  } catch (err) {
    const first = (err as { errors?: { text: string }[] }).errors?.[0]?.text ?? (err as Error).message;
    const outcome = failed(tidyReason(first.split('\n')[0] ?? 'build failed'));
    return { min: outcome, gz: outcome };
  }
}

async function measureOurs(): Promise<Measured> {
  if (!existsSync(GENERATED_STRIPE)) {
    const outcome = failed('generated/stripe is missing: run `npm run generate`');
    return { min: outcome, gz: outcome };
  }
  const result = await measure(OURS_ENTRY);
  // Our entry failing to build is a failure of ours (it fails the run), with why.
  if (result.gz.kind === 'failed') {
    const outcome = failed(`bench/fixtures/bundle/ours.ts does not build: ${result.gz.reason}`);
    return { min: outcome, gz: outcome };
  }
  return result;
}

export async function runBundleBench(options: BenchOptions): Promise<Section[]> {
  const ours = await measureOurs();
  const peers: { entry: BundleEntry; size: { min: Outcome; gz: Outcome } }[] = [];
  for (const entry of PEER_ENTRIES) peers.push({ entry, size: await measure(entry.file) });
  const rows = (which: 'min' | 'gz'): PeerFigure[] =>
    peers.map(({ entry, size }) => ({ name: entry.name, outcome: size[which], ...(which === 'gz' && entry.goal && !options.quick ? { goal: entry.goal } : {}) }));
  const figures: Figure[] = [
    {
      id: 'bundle.gzip',
      name: 'Worker bundle: create a PaymentIntent + verify a webhook, minified + gzip -9',
      unit: 'bytes',
      ours: ours.gz,
      peers: rows('gz'),
      ...(options.quick ? {} : { goal: GZIP_GOAL }),
    },
    { id: 'bundle.minified', name: 'the same bundle, minified (before gzip)', unit: 'bytes', ours: ours.min, peers: rows('min') },
  ];
  const split: string[] = [];
  if (ours.gz.kind === 'measured') {
    for (const part of SPLIT_ENTRIES) {
      const size = await measure(part.file);
      if (size.gz.kind === 'measured') split.push(`${part.label} ${formatValue('bytes', size.gz.samples[0]!)}`);
    }
  }
  const largest = ours.parts
    ?.slice(0, 8)
    .map((p) => `\`${p.file}\` ${formatValue('bytes', p.bytes)}`)
    .join(', ');
  const where = ours.attribution ? whereTheBytesGo(ours.attribution) : [];
  return [
    {
      title: 'Worker bundle',
      notes: [
        'Entries: `bench/fixtures/bundle/*.ts`, the same Worker (POST a PaymentIntent with an idempotency key, verify a Stripe webhook) four ways; ours with all policies on (the defaults).',
        'esbuild (bundle, minify, ESM, platform browser, conditions workerd/worker/browser, target es2022), then gzip level 9 with node:zlib. Sizes are deterministic: one build each.',
        ...(largest ? [`Largest parts of our bundle (minified, before gzip): ${largest}.`] : []),
        ...(split.length
          ? [`Parts of ours bundled alone, gzip -9 (they sum to more than the whole, which shares strings): ${split.join(', ')}.`]
          : []),
        ...where,
      ],
      figures,
    },
  ];
}

const FETCH_PART = PARTS[0]![0];
const VERIFY_PART = PARTS[1]![0];
const POLICY_PART = PARTS[2]![0];

/** The notes that say where our gzip bytes go, and what the goal leaves once the floor is paid. */
function whereTheBytesGo(a: Attribution): string[] {
  const kib = (bytes: number) => formatValue('bytes', bytes);
  const shared = a.whole - a.costs.reduce((sum, c) => sum + c.gzipMarginal, 0);
  const floor = a.whole - a.gzipWithout([FETCH_PART, VERIFY_PART]);
  const rest = a.whole - floor;
  // The three the goal keeps by its own terms (calls on openapi-fetch, a webhook verifier, every
  // policy): what they cost together, as written today, against the goal.
  const kept = a.whole - a.gzipWithout([FETCH_PART, VERIFY_PART, POLICY_PART]);
  return [
    `Marginal gzip cost of each part of ours (the bundle gzipped whole, minus the same bundle gzipped with that part's bytes cut out, found through esbuild's source map): ${a.costs
      .map((c) => `${c.part} ${kib(c.gzipMarginal)} (${kib(c.minified)} minified)`)
      .join(', ')}; the other ${kib(shared)} is compression the parts share.`,
    `Against the ${kib(GZIP_GOAL.value)} goal: openapi-fetch and the webhook verification together cost ${kib(floor)} of the bundle (the whole minus the bundle with both cut out), which leaves ${kib(
      GZIP_GOAL.value - floor,
    )} for everything else (the client, the policies, auth, errors, encoders, logging and the Worker entry); everything else costs ${kib(rest)} now.`,
    `openapi-fetch, the webhook verification and the policies as written (what the goal keeps) together cost ${kib(kept)} (the whole minus the bundle with all three cut out): ${
      kept > GZIP_GOAL.value ? `${kib(kept - GZIP_GOAL.value)} over the goal before the client, auth, errors, encoders and logging add any byte` : `${kib(GZIP_GOAL.value - kept)} under the goal, left for the client, auth, errors, encoders and logging, which cost ${kib(a.whole - kept)} now`
    }.`,
  ];
}
