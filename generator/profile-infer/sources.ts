// Reading the `--spec FILE|URL` arguments of `svcgen add` and the one-off generate: bytes, sha256,
// the parsed document and the lock pin they would get. Errors name the argument as typed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SvcgenInputError } from '../load/errors.ts';
import { sha256Hex } from '../load/fs-util.ts';
import type { LockFileEntry, LockVendor, SourceFormat } from '../load/lock.ts';
import { parseDocument } from '../load/parse.ts';
import { declaredFormat } from '../load/declared-format.ts';

export interface SpecSource {
  /** The argument as the user typed it: a file path or an http(s) URL. */
  source: string;
  bytes: Buffer;
  sha256: string;
  document: Record<string, any>;
  format: SourceFormat;
  /** The file name the pin uses under the vendor's folder in the mirror. */
  fileName: string;
}

export async function readSpecSource(source: string, cwd: string, fetchImpl: typeof fetch = globalThis.fetch): Promise<SpecSource> {
  const isUrl = /^https?:\/\//i.test(source);
  let bytes: Buffer;
  try {
    if (isUrl) {
      const response = await fetchImpl(source);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      bytes = Buffer.from(await response.arrayBuffer());
    } else {
      bytes = await readFile(path.resolve(cwd, source));
    }
  } catch (error) {
    throw new SvcgenInputError({ file: source }, `cannot ${isUrl ? 'download' : 'read'} the spec (${(error as Error).message})`, { cause: error });
  }
  const { document } = await parseDocument({ file: source, text: bytes });
  const fileName = path.basename(isUrl ? new URL(source).pathname : source) || 'openapi.json';
  return { source, bytes, sha256: sha256Hex(bytes), document, format: declaredFormat(document, source), fileName };
}


/** The lock entry `svcgen add` writes for these sources (file paths relative to the mirror). */
export function pinFor(vendor: string, sources: SpecSource[], cwd: string): LockVendor {
  const format = sources[0]!.format;
  const used = new Set<string>();
  const files = sources.map((spec, index): LockFileEntry & { source: string } => {
    if (spec.format !== format) {
      throw new SvcgenInputError(
        { file: spec.source, pointer: spec.format === 'swagger-2.0' ? '/swagger' : '/openapi' },
        `is ${spec.format}, but ${sources[0]!.source} is ${format}: one vendor's files share one format`,
      );
    }
    let name = spec.fileName;
    if (used.has(name)) name = `${index + 1}-${name}`;
    used.add(name);
    const isUrl = /^https?:\/\//i.test(spec.source);
    return {
      path: `${vendor}/${name}`,
      url: isUrl ? spec.source : pathToFileURL(path.resolve(cwd, spec.source)).href,
      sha256: spec.sha256,
      bytes: spec.bytes.length,
      role: 'input',
      source: spec.source,
    };
  });
  return { format, files };
}
