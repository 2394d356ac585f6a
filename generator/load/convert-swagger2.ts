// Swagger 2.0 → OpenAPI 3.0 with swagger2openapi, run WITHOUT its patch mode: the repairs it would
// make silently are made beforehand by rules in fixes.ts, which list them. If the converter still
// refuses, the vendor file needs an overlay, and the error says so.
import { createRequire } from 'node:module';
import path from 'node:path';
import { blame } from './converter-blame.ts';
import { SvcgenInputError } from './errors.ts';
import { checkSwagger2Source } from './swagger2-source.ts';
import { readIfExists, sha256Hex, writeCache } from './fs-util.ts';
import { describeSwaggerResponses, noteSwaggerParameterTypeConflicts, requirePathParameters } from './fixes.ts';
import type { Fix } from './fixes.ts';
import { restoreFormDataArrays, takeFormDataArrays } from './formdata-collection.ts';
import { refuseUnconvertibleCollections } from './unconvertible-collections.ts';

interface ConvertOptions {
  patch: boolean;
  warnOnly: boolean;
  anchors: boolean;
  resolve: boolean;
  direct: boolean;
  text: string;
}
interface Swagger2OpenApi {
  convertObj(swagger: object, options: ConvertOptions): Promise<Record<string, any>>;
}
// swagger2openapi is CommonJS without type declarations. It is required only on a conversion-cache
// miss: loading it (and its dependencies) costs more than a cached conversion.
const require = createRequire(import.meta.url);
const CONVERTER_TAG = `s2o-${(require('swagger2openapi/package.json') as { version: string }).version}-v1`;

export interface ConversionResult {
  document: Record<string, any>;
  fixes: Fix[];
  /** Definitions whose names the converter had to sanitise for `components/schemas`. */
  renamedDefinitions: { from: string; to: string }[];
}

/** Rule-based repairs that make a Swagger 2.0 file convertible (mutates `swagger`). */
export function repairSwagger2(swagger: Record<string, any>, file: string): Fix[] {
  return [
    ...requirePathParameters(swagger, file),
    ...describeSwaggerResponses(swagger, file),
    ...noteSwaggerParameterTypeConflicts(swagger, file),
  ];
}

/**
 * With `cacheDir`, the result is cached under the hash of the repaired input (conversion is the
 * slowest step of loading a Swagger 2.0 vendor, and its input only changes with the spec or an overlay).
 */
export async function convertSwagger2(swagger: Record<string, any>, file: string, cacheDir?: string): Promise<ConversionResult> {
  checkSwagger2Source(swagger, file);
  const fixes = repairSwagger2(swagger, file);
  // Out of the input before conversion (the converter drops them, or refuses ssv/pipes/tsv) and
  // before the cache key; written back into the converted document, cached or not.
  const formDataArrays = takeFormDataArrays(swagger, file);
  refuseUnconvertibleCollections(swagger, file);
  const definitionNames = Object.keys((swagger.definitions ?? {}) as object);
  const cacheFile = cacheDir
    ? path.join(cacheDir, 'converted', `${sha256Hex(JSON.stringify(swagger))}-${CONVERTER_TAG}.json`)
    : undefined;
  const cached = cacheFile ? await readIfExists(cacheFile) : undefined;
  let document: Record<string, any> | undefined;
  if (cached) {
    try {
      document = JSON.parse(cached.toString('utf8')) as Record<string, any>;
    } catch {
      document = undefined;
    }
  }
  if (!document) {
    const json = await convert(swagger, file);
    if (cacheFile) await writeCache(cacheFile, json);
    // Same shape whether or not the cache answered.
    document = JSON.parse(json) as Record<string, any>;
  }
  restoreFormDataArrays(document, formDataArrays);
  const schemas = (document.components?.schemas ?? {}) as Record<string, unknown>;
  const renamedDefinitions = definitionNames
    .filter((name) => !Object.hasOwn(schemas, name))
    .map((name) => ({ from: name, to: sanitisedName(name, schemas) }));
  return { document, fixes, renamedDefinitions };
}

/** The converted document as JSON text. */
async function convert(swagger: Record<string, any>, file: string): Promise<string> {
  // The converter clones its input; `swagger` is left as it was.
  const swagger2openapi = require('swagger2openapi') as Swagger2OpenApi;
  // Serialised here, so output that refers to itself (which the converter can make of a `$ref` in
  // an odd place) is a refusal of this file like any other.
  const run = async (document: Record<string, unknown>) =>
    JSON.stringify(await quietly(() => swagger2openapi.convertObj(document, {
      patch: false,
      warnOnly: false,
      // Shared objects (YAML anchors) are copied rather than rejected; our parser never makes them.
      anchors: true,
      resolve: false,
      direct: true,
      // The converter YAML-serialises the whole input for messages unless given text; skip that.
      text: ' ',
    })));
  try {
    return await run(swagger);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    /** The converter's refusal of `document`, or undefined when it converts. */
    const refusal = async (document: Record<string, unknown>): Promise<string | undefined> => {
      try {
        await run(document);
        return undefined;
      } catch (e) {
        return (e as Error).message.split('\n')[0];
      }
    };
    // The converter names no place: the member whose removal lets the file convert is the one to
    // blame. With wrong parts in two places none is; then the one whose removal makes the converter
    // name another fault holds the fault it named.
    const pointer =
      (await blame(swagger, async (document) => (await refusal(document)) === undefined)) ??
      (await blame(swagger, async (document) => (await refusal(document)) !== message));
    throw new SvcgenInputError(
      pointer === undefined ? { file } : { file, pointer },
      `swagger2openapi cannot convert this Swagger 2.0 file: ${message} (fix it with a source-stage overlay in specs/overlays/)`,
      { cause: error },
    );
  }
}

/**
 * Runs the converter without its console: it prints every exception with console.warn before it
 * rejects with it, once more for each try the search for the place makes; the refusal reports it once.
 * After a refusal the converter's work can go on: it rejects on a fault and walks on, and a later
 * TypeError reaches its own catch, which warns, a few promise jobs after the rejection reached us.
 * So the console stays quiet until those jobs have run (the next turn of the event loop).
 */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await work();
  } catch (error) {
    await new Promise((settled) => setImmediate(settled));
    throw error;
  } finally {
    console.warn = warn;
  }
}

/** Mirrors swagger2openapi's sanitising of component names, for reporting only. */
function sanitisedName(name: string, schemas: Record<string, unknown>): string {
  const parts = name.replace('[]', 'Array').split('/');
  parts[0] = (parts[0] ?? '').replace(/[^A-Za-z0-9_\-.]+|\s+/gm, '_');
  const candidate = parts.join('/');
  return Object.hasOwn(schemas, candidate) ? candidate : `(unknown: ${candidate})`;
}
