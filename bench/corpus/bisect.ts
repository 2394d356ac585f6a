// When one compiler run over a batch does not finish (time, memory, crash), the batch's specs are
// not all to blame: usually one huge output is. The batch is split in halves and each half checked
// again, down to single specs, and a single spec's stages (types, zod, openapi-typescript) one by
// one, so only the (spec, stage) pairs that do not finish on their own are charged, each with the
// reason its own run gave. Halves that finish alone are accounted normally.
import { ProcessIncomplete } from './capped-process.ts';
import type { CheckStage, Diagnostic } from './typecheck.ts';

export type Checker = (ids: string[], stages: CheckStage[]) => Promise<Diagnostic[]>;

export interface Unfinished {
  id: string;
  stage: CheckStage;
  /** The message of the run that checked this pair alone. */
  reason: string;
  kind: ProcessIncomplete['reason'];
}

export interface BisectResult {
  diagnostics: Diagnostic[];
  unfinished: Unfinished[];
  /** Compiler runs made, the first included. */
  runs: number;
}

/**
 * `alone`: specs checked on their own, one stage per run, from the start (outputs so large that a
 * run with anything else would only fail and be bisected down to them anyway); still charged only
 * when their own run does not finish.
 */
export async function checkBisecting(
  ids: string[],
  stages: CheckStage[],
  check: Checker,
  onRun?: (ids: string[], stages: CheckStage[], error?: ProcessIncomplete) => void,
  alone: ReadonlySet<string> = new Set(),
): Promise<BisectResult> {
  const result: BisectResult = { diagnostics: [], unfinished: [], runs: 0 };
  const visit = async (part: string[], partStages: CheckStage[]): Promise<void> => {
    result.runs++;
    try {
      result.diagnostics.push(...(await check(part, partStages)));
      onRun?.(part, partStages);
      return;
    } catch (error) {
      // Anything else (a bug in this harness, a missing binary) is not the specs' fault: stop.
      if (!(error instanceof ProcessIncomplete)) throw error;
      onRun?.(part, partStages, error);
      if (part.length > 1) {
        const middle = Math.ceil(part.length / 2);
        await visit(part.slice(0, middle), partStages);
        await visit(part.slice(middle), partStages);
      } else if (partStages.length > 1) {
        for (const stage of partStages) await visit(part, [stage]);
      } else {
        result.unfinished.push({ id: part[0]!, stage: partStages[0]!, reason: error.message, kind: error.reason });
      }
    }
  };
  const together = ids.filter((id) => !alone.has(id));
  if (together.length && stages.length) await visit(together, stages);
  for (const id of ids.filter((id) => alone.has(id))) for (const stage of stages) await visit([id], [stage]);
  return result;
}

/** An unfinished pair as the diagnostic that charges it; the cause groups by kind, not by peak. */
export function unfinishedDiagnostic(u: Unfinished): Diagnostic {
  const cause = `type-check did not finish: ${u.reason.replace(/ \((peak|\d+ s wall).*$/, '')}`;
  return { id: u.id, stage: u.stage, file: '', text: `type-check did not finish: ${u.reason}`, cause };
}
