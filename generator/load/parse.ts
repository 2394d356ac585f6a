// YAML and JSON to plain data, with errors that carry file, line and column.
// js-yaml (not the `yaml` package) because it parses a 4 MB spec several times faster;
// a parsed YAML file is cached as JSON keyed by its sha256, which JSON.parse reads back ~5x faster.
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import { SvcgenInputError } from './errors.ts';
import { readIfExists, writeCache } from './fs-util.ts';
import { findJsonErrorOffset, lineColumnAt } from './json-error-position.ts';

/** Bump when parsing changes meaning, so cached results of the old parser are not reused. */
const PARSE_CACHE_TAG = 'js-yaml4-core-v1';

export type TextFormat = 'json' | 'yaml';

export interface ParseRequest {
  /** Name for messages (a lock path or a path relative to the root). */
  file: string;
  /** Bytes are decoded as UTF-8 only when needed (not on a parse-cache hit). */
  text: string | Uint8Array;
  /** Default: from the file's extension, else sniffed from the first character. */
  format?: TextFormat;
  /** With `cacheDir`, enables the parse cache for YAML. */
  sha256?: string;
  cacheDir?: string;
}

export interface ParseResult {
  document: Record<string, any>;
  format: TextFormat;
  fromCache: boolean;
}

export async function parseDocument(request: ParseRequest): Promise<ParseResult> {
  let decoded: string | undefined;
  const text = (): string => {
    if (decoded === undefined) {
      const raw = typeof request.text === 'string' ? request.text : Buffer.from(request.text).toString('utf8');
      decoded = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    }
    return decoded;
  };
  const format = request.format ?? formatOf(request.file, request.text);
  if (format === 'json') return { document: asDocument(request.file, parseJson(request.file, text())), format, fromCache: false };

  const cacheFile = request.sha256 && request.cacheDir
    ? path.join(request.cacheDir, 'parsed', `${request.sha256}-${PARSE_CACHE_TAG}.json`)
    : undefined;
  if (cacheFile) {
    const cached = await readIfExists(cacheFile);
    if (cached) {
      try {
        return { document: asDocument(request.file, JSON.parse(cached.toString('utf8'))), format, fromCache: true };
      } catch {
        // A damaged cache entry is rewritten below.
      }
    }
  }
  const parsed = parseYaml(request.file, text());
  // Round-trip through JSON on every fresh parse, cached or not: YAML aliases would otherwise
  // share objects (a later in-place edit would hit every alias) and a cache hit would differ
  // from a miss.
  const json = JSON.stringify(parsed);
  if (cacheFile) await writeCache(cacheFile, json);
  return { document: asDocument(request.file, JSON.parse(json)), format, fromCache: false };
}

function formatOf(file: string, text: string | Uint8Array): TextFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  const head = typeof text === 'string' ? text.slice(0, 64) : Buffer.from(text.subarray(0, 64)).toString('utf8');
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = findJsonErrorOffset(text);
    const { line, column } = lineColumnAt(text, offset);
    const reason = (error as Error).message
      .replace(/ in JSON at position [\s\S]*$/, '')
      .replace(/, "[\s\S]*" is not valid JSON$/, '');
    throw new SvcgenInputError({ file, line, column }, `invalid JSON: ${reason}`, { cause: error });
  }
}

function parseYaml(file: string, text: string): unknown {
  try {
    return loadYaml(text, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = error.mark as { line?: number; column?: number } | undefined;
      const location = mark && typeof mark.line === 'number'
        ? { file, line: mark.line + 1, column: (mark.column ?? 0) + 1 }
        : { file };
      throw new SvcgenInputError(location, `invalid YAML: ${error.reason}`, { cause: error });
    }
    throw error;
  }
}

function asDocument(file: string, value: unknown): Record<string, any> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SvcgenInputError({ file, line: 1, column: 1 }, 'the document must be a mapping (an object) at the top level');
  }
  return value as Record<string, any>;
}
