// Swagger 2.0 `in: formData` arrays keep their `collectionFormat` through the conversion.
// swagger2openapi turns formData parameters into a requestBody schema and drops collectionFormat
// on the way (it sets style/explode on the parameter it then discards), and without its warnOnly
// mode it refuses ssv, pipes and tsv for anything but query parameters. So the formats are taken
// out of the Swagger 2.0 document before conversion and written back afterwards as the Encoding
// Object of the converted body says them:
//   csv (the default)  style: form, explode: false       multi  style: form, explode: true
//   ssv                style: spaceDelimited, explode: false
//   pipes              style: pipeDelimited, explode: false
//   tsv                x-collectionFormat: tsv (no OpenAPI 3 spelling; swagger2openapi's own name)
// OAS 3.0 reads `style` in urlencoded bodies only, 3.1 in multipart ones too; model/collection-format.ts
// reads both. This is a faithful conversion, not a repair, so nothing is listed as a fix.
// A formData array of arrays is refused with its place: its items' own collectionFormat (csv when
// absent) says how each inner list is joined (`a|b,c` for csv of pipes), which no Encoding Object
// can say, and the converter drops it. Without it, the client refused such a value at call time
// (urlencoded, and multipart csv/ssv/pipes/tsv) or sent each inner list as a JSON text part
// (multipart multi).
import { getAtPointer, parsePointer, refToPointer, toPointer } from '../json-pointer.ts';
import { SvcgenInputError } from './errors.ts';
import { isHttpMethod, pathItems } from './fixes.ts';

type Doc = Record<string, any>;

export const COLLECTION_FORMATS = ['csv', 'ssv', 'tsv', 'pipes', 'multi'] as const;
export type CollectionFormat = (typeof COLLECTION_FORMATS)[number];

/** The extension that carries a format OpenAPI 3 cannot spell (tsv). */
export const COLLECTION_FORMAT_EXTENSION = 'x-collectionFormat';

/** One formData array of one operation, as the Swagger 2.0 source declares it. */
export interface FormDataArray {
  path: string;
  method: string;
  name: string;
  format: CollectionFormat;
}

/** The Encoding Object entry that says `format`. */
export function encodingFor(format: CollectionFormat): Doc {
  switch (format) {
    case 'csv':
      return { style: 'form', explode: false };
    case 'multi':
      return { style: 'form', explode: true };
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    case 'tsv':
      return { [COLLECTION_FORMAT_EXTENSION]: 'tsv' };
  }
}

function isFormatName(value: unknown): value is CollectionFormat {
  return typeof value === 'string' && (COLLECTION_FORMATS as readonly string[]).includes(value);
}

/** A parameter with its place in the document, its `#/parameters/…` reference followed. */
function resolveParameter(swagger: Doc, raw: unknown, at: (string | number)[]): { parameter: Doc; pointer: string } | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const ref = (raw as Doc).$ref;
  if (typeof ref !== 'string') return { parameter: raw as Doc, pointer: toPointer(at) };
  const pointer = refToPointer(ref);
  const target = pointer === undefined ? undefined : getAtPointer(swagger, pointer);
  return target !== null && typeof target === 'object' ? { parameter: target as Doc, pointer: pointer! } : undefined;
}

/** Refuses a formData array whose items are arrays (see the file's head), naming where it is. */
function refuseNestedArray(file: string, parameter: Doc, pointer: string): void {
  const items = parameter.items;
  if (items === null || typeof items !== 'object' || items.type !== 'array') return;
  const explicit = typeof items.collectionFormat === 'string';
  const inner = explicit ? items.collectionFormat : 'csv, the default';
  throw new SvcgenInputError(
    { file, pointer: `${pointer}/items${explicit ? '/collectionFormat' : ''}` },
    `formData array '${String(parameter.name)}' holds arrays joined as ${inner} (items.collectionFormat), which OpenAPI 3's encoding cannot say and svcgen does not send; ` +
      'reshape the parameter in an overlay (x-svcgen-stage: source) in specs/overlays/',
  );
}

/**
 * Records every formData array's collectionFormat (csv when absent) per operation and removes the
 * key from those parameters, so the converter neither drops it silently nor refuses it. An unknown
 * format is left in place for the converter to report, as are non-array parameters. A formData
 * array of arrays is refused (SvcgenInputError naming `file` and the parameter's items).
 */
export function takeFormDataArrays(swagger: Doc, file: string): FormDataArray[] {
  const found: FormDataArray[] = [];
  const taken = new Set<Doc>();
  for (const [path, item] of pathItems(swagger)) {
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const [method, operation] of Object.entries(item)) {
      if (!isHttpMethod(method) || operation === null || typeof operation !== 'object') continue;
      // Operation parameters override path-level ones of the same name and location.
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      const byKey = new Map<string, { parameter: Doc; pointer: string }>();
      const listed: [unknown, (string | number)[]][] = [
        ...shared.map((raw: unknown, i: number): [unknown, (string | number)[]] => [raw, ['paths', path, 'parameters', i]]),
        ...own.map((raw: unknown, i: number): [unknown, (string | number)[]] => [raw, ['paths', path, method, 'parameters', i]]),
      ];
      for (const [raw, at] of listed) {
        const resolved = resolveParameter(swagger, raw, at);
        if (resolved) byKey.set(`${String(resolved.parameter.in)}:${String(resolved.parameter.name)}`, resolved);
      }
      for (const { parameter, pointer } of byKey.values()) {
        if (parameter.in !== 'formData' || parameter.type !== 'array' || typeof parameter.name !== 'string') continue;
        refuseNestedArray(file, parameter, pointer);
        const format = parameter.collectionFormat ?? 'csv';
        if (!isFormatName(format)) continue;
        found.push({ path, method, name: parameter.name, format });
        taken.add(parameter);
      }
    }
  }
  // Removed only after every operation has read them: a `#/parameters/…` entry may be shared.
  for (const parameter of taken) delete parameter.collectionFormat;
  return found;
}

const FORM_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** The converted body's form media type object that holds property `name`, or undefined. */
function formContent(body: Doc, name: string): Doc | undefined {
  for (const mediaType of FORM_MEDIA_TYPES) {
    const content = body.content?.[mediaType];
    if (content?.schema?.properties && Object.hasOwn(content.schema.properties, name)) return content;
  }
  return undefined;
}

function sameEntries(a: FormDataArray[], b: FormDataArray[]): boolean {
  const key = (list: FormDataArray[]) => list.map((entry) => `${entry.name}=${entry.format}`).sort().join('&');
  return key(a) === key(b);
}

/**
 * Writes each recorded format into the converted document as an `encoding` entry of its
 * operation's body. A body the converter shared between operations (`#/components/requestBodies/…`)
 * takes the entries in place when every operation using it declared the same formats; otherwise
 * each of those operations gets its own copy, since the converter shared them without seeing the
 * formats that tell them apart.
 */
export function restoreFormDataArrays(document: Doc, arrays: FormDataArray[]): void {
  if (arrays.length === 0) return;
  const byOperation = new Map<Doc, FormDataArray[]>();
  for (const entry of arrays) {
    const operation = document.paths?.[entry.path]?.[entry.method];
    if (!operation?.requestBody) continue;
    byOperation.set(operation, [...(byOperation.get(operation) ?? []), entry]);
  }
  // Which operations use each shared body, and with which formats.
  const users = new Map<string, { operation: Doc; entries: FormDataArray[] }[]>();
  for (const [, item] of pathItems(document)) {
    for (const [method, operation] of Object.entries(item)) {
      const ref = isHttpMethod(method) ? operation?.requestBody?.$ref : undefined;
      if (typeof ref === 'string') users.set(ref, [...(users.get(ref) ?? []), { operation, entries: byOperation.get(operation) ?? [] }]);
    }
  }
  const unshared = new Set<string>();
  for (const [operation, entries] of byOperation) {
    const ref = operation.requestBody.$ref;
    let body: Doc | undefined = operation.requestBody;
    if (typeof ref === 'string') {
      const pointer = refToPointer(ref);
      const shared = pointer === undefined ? undefined : (getAtPointer(document, pointer) as Doc | undefined);
      if (!shared) continue;
      const agree = (users.get(ref) ?? []).every((user) => sameEntries(user.entries, entries));
      if (!agree) unshared.add(ref);
      body = agree ? shared : (operation.requestBody = structuredClone(shared));
    }
    for (const entry of entries) {
      const content = formContent(body!, entry.name);
      if (!content) continue;
      content.encoding = { ...content.encoding, [entry.name]: encodingFor(entry.format) };
    }
  }
  // A shared body every user now holds a copy of is referenced by nothing: drop it.
  for (const ref of unshared) {
    if ((users.get(ref) ?? []).some((user) => user.operation.requestBody?.$ref === ref)) continue;
    const [components, kind, name] = parsePointer(refToPointer(ref) ?? '');
    if (components !== 'components' || kind !== 'requestBodies' || name === undefined) continue;
    delete document.components.requestBodies[name];
    if (Object.keys(document.components.requestBodies).length === 0) delete document.components.requestBodies;
  }
}
