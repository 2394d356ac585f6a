// One vendor generated from spec files alone, with no lock entry and no overlays of the user's:
// a throw-away project (lock + inferred profile + mirror) in a temp folder, run through the same
// job `svcgen generate` runs. Used by `generate --spec`, by `svcgen add` to try a spec before it
// touches the project, and by the corpus.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SvcgenInputError } from '../load/errors.ts';
import type { LockVendor } from '../load/lock.ts';
import type { Provenance } from '../model/types.ts';
import { runVendorJob, type VendorJob, type VendorJobResult } from '../vendor-job.ts';
import { inferProfile, type InferredProfile } from './index.ts';
import { renderProfileOverlay } from './render.ts';
import { pinFor, type SpecSource } from './sources.ts';

export const VENDOR_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export interface OneOffOptions {
  /** The output folder as the user typed it, for the command the files' headers name. */
  out?: string;
}

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
  options: OneOffOptions = {},
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
      job = await runJob({ vendor, root, mirror, download: false, inputs: '', config: {}, provenance: oneOffProvenance(vendor, sources, options.out) });
    } catch (error) {
      throw relocate(error, vendor, pin, sources);
    }
    return { pin, inferred, overlayText, job };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * The files' headers name the specs as the user gave them and the command that makes the files
 * again: the temp project's lock they were made from is gone, and in the user's folder plain
 * `svcgen generate` would read another lock or none.
 */
function oneOffProvenance(vendor: string, sources: SpecSource[], out = 'DIR'): Provenance {
  const specs = sources.map((s) => shown(s.source));
  return {
    from: `${specs.join(', ')} (generate --spec, not pinned)`,
    regenerate: ['svcgen generate', ...specs.map((s) => `--spec ${quoted(s)}`), `--vendor ${vendor}`, `--out ${quoted(oneLine(out))}`].join(' '),
  };
}

/** A URL's credentials and query can hold a token: neither is written into generated code. */
function shown(source: string): string {
  if (!/^https?:\/\//i.test(source)) return oneLine(source);
  try {
    const url = new URL(source);
    const hidden = url.username !== '' || url.password !== '' || url.search !== '';
    url.username = url.password = url.search = url.hash = '';
    return hidden ? `${url.href}?…` : url.href;
  } catch {
    return oneLine(source);
  }
}

/** The headers are line comments: a line break in a path would end one and start code. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '?');
}

function quoted(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
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
