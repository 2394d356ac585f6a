// One corpus spec generated with the one-off `generate --spec` into a throw-away project, and its
// operations called through the generated client against an in-process fetch that records what
// was sent (OAuth2 token requests answered with a stand-in token). Shared by the corpus suites
// that read requests back with the platform's own parsers.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusJob, type CorpusJobResult } from '../../bench/corpus/job.ts';
import { ROOT, type CorpusSpec } from '../../bench/corpus/specs.ts';
import { standInCredentials, STAND_IN, tokenUrls } from '../../bench/corpus/credentials.ts';
import { generateOneOff } from '../../generator/profile-infer/one-off.ts';
import { readSpecSource } from '../../generator/profile-infer/sources.ts';
import type { OperationModel } from '../../generator/model/types.ts';
import { generatedCaller } from '../contract/callers.ts';
import type { SampleInput } from '../support/sample-input.ts';

const VENDOR = 'corpus';
const BASE_URL = 'https://corpus.invalid';

export interface SpecClient {
  job: CorpusJobResult;
  /** The request the call sent last, or why none was sent (an ApiError answer is not a reason). */
  send(operation: OperationModel, input: SampleInput): Promise<{ request: Request } | { notSent: string }>;
}

/** Generates `spec` under `scratch` and returns a caller of its operations. */
export async function specClient(spec: CorpusSpec, scratch: string): Promise<SpecClient> {
  const source = await readSpecSource(spec.display, ROOT);
  const trial = await generateOneOff(VENDOR, [source], ROOT, corpusJob);
  const { model, document } = trial.job;
  const root = mkdtempSync(path.join(scratch, 'spec-'));
  for (const [rel, content] of trial.job.files) {
    const file = path.join(root, 'generated', VENDOR, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const call = await generatedCaller(VENDOR, model, document, BASE_URL, root, { auth: standInCredentials(model.auth) });
  const tokens = new Set(tokenUrls(model.auth));
  return {
    job: trial.job,
    async send(operation, input) {
      const requests: Request[] = [];
      const fetch = async (request: Request) => {
        if (request.method === 'POST' && tokens.has(request.url)) {
          return Response.json({ access_token: STAND_IN.accessToken, token_type: 'Bearer', expires_in: 3600 });
        }
        requests.push(request.clone());
        return Response.json({});
      };
      let thrown: unknown;
      try {
        await call(operation, input, fetch);
      } catch (error) {
        if ((error as Error)?.name !== 'ApiError') thrown = error;
      }
      const request = requests.at(-1);
      if (request) return { request };
      return { notSent: thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown) };
    },
  };
}
