// Per-spec corpus results: what each stage gave, cached one JSON file per spec so a long run can
// stop and resume, and summarised into pass rates and failure causes.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { SpecOutcome } from './run-spec.ts';
import type { Diagnostic } from './typecheck.ts';

export interface SpecResult {
  id: string;
  bytes: number;
  /** Generator fingerprint the svcgen outcome was produced with. */
  generator: string;
  svcgen: SpecOutcome;
  ots: SpecOutcome;
  /** Only when generated: first diagnostics per stage (empty = compiles). */
  types?: string[];
  zod?: string[];
  otsTypes?: string[];
  typeCauses?: string[];
  zodCauses?: string[];
  otsCauses?: string[];
  /** Prism stage, on the specs it ran for: operations whose built request Prism accepted. */
  prism?: { passed: number; total: number; causes: string[] };
}

export class ResultCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  private file(id: string): string {
    return path.join(this.dir, `${createHash('sha256').update(id).digest('hex').slice(0, 24)}.json`);
  }

  get(id: string): SpecResult | undefined {
    const file = this.file(id);
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as SpecResult;
    } catch {
      return undefined;
    }
  }

  put(result: SpecResult): void {
    writeFileSync(this.file(result.id), JSON.stringify(result));
  }

  all(): SpecResult[] {
    return readdirSync(this.dir).filter((n) => n.endsWith('.json')).map((n) => JSON.parse(readFileSync(path.join(this.dir, n), 'utf8')) as SpecResult);
  }
}

/** Folds the compiler's diagnostics into the results of the specs they belong to. */
export function attachDiagnostics(results: SpecResult[], diagnostics: Diagnostic[]): void {
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const r of results) {
    if (r.svcgen.status === 'generated') Object.assign(r, { types: [], zod: [], typeCauses: [], zodCauses: [] });
    if (r.ots.status === 'generated') Object.assign(r, { otsTypes: [], otsCauses: [] });
  }
  for (const d of diagnostics) {
    const r = byId.get(d.id);
    if (!r) continue;
    const [texts, causes] = d.stage === 'types' ? [r.types, r.typeCauses] : d.stage === 'zod' ? [r.zod, r.zodCauses] : [r.otsTypes, r.otsCauses];
    if (!texts || !causes) continue;
    if (texts.length < 5) texts.push(d.text.slice(0, 400));
    if (!causes.includes(d.cause)) causes.push(d.cause);
  }
}
