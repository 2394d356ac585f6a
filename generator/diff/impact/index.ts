// Impact of spec changes on a project: the changes that touch its uses of the generated code
// (with file:line), and the compile errors regenerating would cause, each traced to its change.

import path from 'node:path';
import type { SvcgenConfig } from '../../config/schema.ts';
import { runVendorJob } from '../../vendor-job.ts';
import { typesOperationKey } from '../../emit/types-key.ts';
import { resolveOptions } from '../../load/options.ts';
import { scratchRoot, type SpecSet } from '../spec-set.ts';
import type { SideBySide } from '../run.ts';
import type { Change, CompileErrorImpact, ImpactHit, ImpactReport, UseSite } from '../types.ts';
import { findUses, projectSources, type Site, type VendorUses } from './usages.ts';
import { errorKey, scratchProject } from './typecheck.ts';

export interface ImpactOptions {
  project: string;
  root: string;
  compared: SideBySide[];
  /** Generated output folder, relative to the project. */
  outDir: string;
  config: SvcgenConfig;
}

function schemaOf(pointer: string): string | undefined {
  const match = /^\/components\/schemas\/([^/]+)/.exec(pointer);
  return match ? match[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** Use sites of one change, with the enclosing call's line range. */
function sitesOf(change: Change, uses: VendorUses, ids: Map<string, string>): Site[] {
  const sites: Site[] = [];
  const functions = change.function ? [change.function] : (change.affects ?? []).map((a) => a.function).filter(Boolean);
  // Paginated operations also have a `<function>All` iterator over every page.
  for (const fn of functions) sites.push(...(uses.functions.get(fn) ?? []), ...(uses.functions.get(`${fn}All`) ?? []));
  if (change.operation) sites.push(...(uses.operationIds.get(ids.get(change.operation) ?? '') ?? []));
  const schema = schemaOf(change.pointer);
  if (schema) sites.push(...(uses.schemas.get(schema) ?? []));
  if (change.event !== undefined) sites.push(...(uses.literals.get(change.event) ?? []));
  const seen = new Set<string>();
  return sites.filter((s) => !seen.has(`${s.file}:${s.line}:${s.name}`) && Boolean(seen.add(`${s.file}:${s.line}:${s.name}`)));
}

async function emit(set: SpecSet, root: string, config: SvcgenConfig): Promise<[string, string][]> {
  const scratch = scratchRoot(set, resolveOptions({ root }).cacheDir);
  try {
    const result = await runVendorJob({ vendor: set.vendor, root: scratch.root, mirror: scratch.mirror, download: false, inputs: '', config: config.vendors?.[set.vendor] ?? {} });
    return result.files;
  } finally {
    scratch.dispose();
  }
}

export async function analyzeImpact(options: ImpactOptions): Promise<ImpactReport> {
  const { project, compared, outDir } = options;
  if (compared.length === 0) return { project: path.relative(options.root, project) || '.', hits: [], compileErrors: [] };
  const files = projectSources(project, outDir);
  const hits: ImpactHit[] = [];
  const located: { change: Change; sites: Site[] }[] = [];
  for (const side of compared) {
    const functionNames = new Set([...side.before.model.operations, ...side.after.model.operations].flatMap((op) => [op.functionName, `${op.functionName}All`]));
    const events = new Set([...(side.before.model.webhooks?.events ?? []), ...(side.after.model.webhooks?.events ?? [])].map((e) => e.name));
    // Keyed as the consumer writes it in `operations[…]`, which is not always the operationId.
    const ids = new Map([...side.before.model.operations, ...side.after.model.operations].map((op) => [`${op.method.toUpperCase()} ${op.path}`, typesOperationKey(op.id)]));
    const uses = findUses(files, project, outDir, side.diff.vendor, functionNames, events);
    for (const change of side.diff.changes) {
      const sites = sitesOf(change, uses, ids);
      if (sites.length === 0) continue;
      located.push({ change, sites });
      hits.push({ change, sites: sites.map(({ file, line, name }): UseSite => ({ file, line, name })) });
    }
  }
  const report: ImpactReport = { project: path.relative(options.root, project) || '.', hits, compileErrors: [] };
  if (files.length === 0) {
    report.typecheckSkipped = 'no TypeScript sources outside the generated folder';
    return report;
  }
  const scratch = scratchProject(project, outDir);
  try {
    const vendors = compared.map((c) => c.diff.vendor);
    const before: [string, string][] = [];
    const after: [string, string][] = [];
    for (const side of compared) {
      before.push(...(await emit(side.oldSet, options.root, options.config)));
      after.push(...(await emit(side.newSet, options.root, options.config)));
    }
    scratch.write(before, vendors);
    const baseline = new Set(scratch.check().map(errorKey));
    scratch.write(after, vendors);
    const fresh = scratch.check().filter((e) => !baseline.has(errorKey(e)));
    report.compileErrors = fresh.map((error): CompileErrorImpact => ({ ...error, changes: attribute(error, located) }));
  } finally {
    scratch.dispose();
  }
  return report;
}

/** The changes whose use sites span the error's line; breaking ones first, and only those when there are any. */
function attribute(error: { file: string; line: number; message: string }, located: { change: Change; sites: Site[] }[]): Change[] {
  const here = located.filter(({ sites }) => sites.some((s) => s.file === error.file && error.line >= s.line && error.line <= s.endLine)).map((l) => l.change);
  const breaking = here.filter((c) => c.breaking);
  const candidates = breaking.length ? breaking : here;
  // Prefer changes that name something the compiler's message names (a parameter or property).
  const named = candidates.filter((c) => [...c.message.matchAll(/'([^']+)'/g)].some((m) => error.message.includes(`'${m[1]}'`) || error.message.includes(`"${m[1]}"`) || error.message.includes(m[1]!)));
  return named.length ? named : candidates;
}

