// One vendor generated from spec files alone, with no lock entry and no overlays of the user's:
// a throw-away project (lock + inferred profile + mirror) in a temp folder, run through the same
// job `svcgen generate` runs. Used by `generate --spec`, by `svcgen add` to try a spec before it
// touches the project, and by the corpus.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SvcgenInputError } from '../load/errors.ts';
import type { LockVendor } from '../load/lock.ts';
import { runVendorJob, type VendorJob, type VendorJobResult } from '../vendor-job.ts';
import { inferProfile, type InferredProfile } from './index.ts';
import { renderProfileOverlay } from './render.ts';
import { pinFor, type SpecSource } from './sources.ts';

export const VENDOR_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export interface OneOffResult<R = VendorJobResult> {
  pin: LockVendor;
  inferred: InferredProfile;
  overlayText: string;
  job: R;
}

/** `runJob` lets the corpus run the same project through a job that also keeps the model's views. */
export async function generateOneOff<R = VendorJobResult>(
  vendor: string,
  sources: SpecSource[],
  cwd: string,
  runJob: (job: VendorJob) => Promise<R> = runVendorJob as (job: VendorJob) => Promise<R>,
): Promise<OneOffResult<R>> {
  const pin = pinFor(vendor, sources, cwd);
  const firstUrl = sources.find((s) => /^https?:\/\//i.test(s.source))?.source;
  const inferred = inferProfile(sources.map((s) => s.document), { vendor, ...(firstUrl ? { source: firstUrl } : {}) });
  const overlayText = renderProfileOverlay(vendor, inferred);
  const root = await mkdtemp(path.join(os.tmpdir(), 'svcgen-oneoff-'));
  try {
    const mirror = path.join(root, 'mirror');
    await mkdir(path.join(root, 'specs', 'overlays', vendor), { recursive: true });
    await writeFile(path.join(root, 'specs', 'lock.json'), JSON.stringify({ lockVersion: 1, vendors: { [vendor]: pin } }));
    await writeFile(path.join(root, 'specs', 'overlays', vendor, '00-profile.yaml'), overlayText);
    for (const [index, file] of pin.files.entries()) {
      await mkdir(path.dirname(path.join(mirror, file.path)), { recursive: true });
      await writeFile(path.join(mirror, file.path), sources[index]!.bytes);
    }
    let job: R;
    try {
      job = await runJob({ vendor, root, mirror, download: false, inputs: '', config: {} });
    } catch (error) {
      throw relocate(error, vendor, pin, sources);
    }
    return { pin, inferred, overlayText, job };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Input errors name the temp project's lock paths; the user knows the files by what they typed. */
function relocate(error: unknown, vendor: string, pin: LockVendor, sources: SpecSource[]): unknown {
  if (!(error instanceof SvcgenInputError)) return error;
  const index = pin.files.findIndex((f) => f.path === error.file);
  let file = error.file;
  if (index !== -1) file = sources[index]!.source;
  else if (error.file.startsWith(`specs/overlays/${vendor}`)) file = `the profile inferred for '${vendor}'`;
  else if (error.file === 'specs/lock.json') file = `the pin inferred for '${vendor}'`;
  if (file === error.file) return error;
  const prefix = error.message.startsWith(error.file) ? error.message.slice(error.file.length) : `: ${error.message}`;
  const moved = new SvcgenInputError({ file, ...(error.pointer !== undefined ? { pointer: error.pointer } : {}), ...(error.line !== undefined ? { line: error.line } : {}), ...(error.column !== undefined ? { column: error.column } : {}) }, '', { cause: error });
  moved.message = file + prefix;
  return moved;
}
