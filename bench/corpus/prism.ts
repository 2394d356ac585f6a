// The Prism stage of the corpus: one spec as a throw-away project (lock, inferred profile, mirror,
// generated client, under .svcgen-cache so `svcgen/runtime` resolves), then the contract harness
// of test/contract: a request built from each operation's schema, sent through the generated
// client to Prism mocking the same spec, counted as passed when Prism reports no request violation.
// The client gets a stand-in credential for every security scheme the spec declares (credentials.ts).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeFailures, runContract } from '../../test/contract/harness.ts';
import { PRISM_FIXES } from '../../test/contract/prism-fixes.ts';
import { generateOneOff } from '../../generator/profile-infer/one-off.ts';
import { readSpecSource } from '../../generator/profile-infer/sources.ts';
import { loadVendor } from '../../generator/load/index.ts';
import { buildApiModel } from '../../generator/model/index.ts';
import { causeOf } from './causes.ts';
import { standInCredentials, stubTokenEndpoints, tokenUrls, unsendableAuth } from './credentials.ts';
import { ROOT, type CorpusSpec } from './specs.ts';

const VENDOR = 'corpus';

/** `failures` lists the failing operations with their problems (for the log, not the cache). */
export async function prismStage(spec: CorpusSpec): Promise<{ passed: number; total: number; causes: string[]; failures: string[] }> {
  const cache = path.join(ROOT, '.svcgen-cache');
  mkdirSync(cache, { recursive: true });
  const root = mkdtempSync(path.join(cache, 'corpus-prism-'));
  const previousMirror = process.env.SVCGEN_SPEC_MIRROR;
  try {
    const source = await readSpecSource(spec.display, ROOT);
    const trial = await generateOneOff(VENDOR, [source], ROOT);
    // Prism refuses to start on a document without operations (a webhooks-only spec): nothing to send.
    if (trial.job.operations === 0) return { passed: 0, total: 0, causes: [], failures: [] };
    const write = (rel: string, content: string | Uint8Array) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), content);
    };
    write('specs/lock.json', JSON.stringify({ lockVersion: 1, vendors: { [VENDOR]: trial.pin } }));
    write(`specs/overlays/${VENDOR}/00-profile.yaml`, trial.overlayText);
    write(`mirror/${trial.pin.files[0]!.path}`, source.bytes);
    for (const [rel, content] of trial.job.files) write(`generated/${rel}`, content);
    // The harness finds Prism under its root.
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    process.env.SVCGEN_SPEC_MIRROR = path.join(root, 'mirror');
    const loaded = await loadVendor(VENDOR, { root });
    const model = buildApiModel(loaded);
    const restoreFetch = stubTokenEndpoints(tokenUrls(model.auth));
    let report: Awaited<ReturnType<typeof runContract>>;
    try {
      report = await runContract({ vendor: VENDOR, root, concurrency: 4, prismImports: [...PRISM_FIXES], clientOptions: { auth: standInCredentials(model.auth) } });
    } finally {
      restoreFetch();
    }
    const byId = new Map(model.operations.map((op) => [op.id, op]));
    const causes = [
      ...new Set(
        report.failures.flatMap((f) => {
          // An operation the client has no way to authenticate fails at auth; say why instead.
          const op = byId.get(f.id);
          const unsendable = op && unsendableAuth(op, model.auth, loaded.document as Record<string, any>);
          if (unsendable && f.problems.every((p) => /UNAUTHORIZED|security/i.test(p))) return [`auth: ${causeOf(unsendable)}`];
          return f.problems.map((p) => causeOf(p.replace(/^[A-Z]+ \S+: /, '')));
        }),
      ),
    ];
    return { passed: report.passed, total: report.total, causes, failures: describeFailures(report.failures) };
  } finally {
    if (previousMirror === undefined) delete process.env.SVCGEN_SPEC_MIRROR;
    else process.env.SVCGEN_SPEC_MIRROR = previousMirror;
    rmSync(root, { recursive: true, force: true });
  }
}
