// Loaded into Prism's process (`node --import`) before the CLI starts. Prism 5.16 reads every
// part of a multipart/form-data body as text and keeps only the last part of a name, so it
// rejects what OpenAPI prescribes when a body has no `encoding` entry (OAS 3.0.3 "Special
// Considerations for multipart Content", 3.1.1 "Encoding multipart Media Types"): an object
// property as ONE part whose Content-Type is application/json ("property podcast must be
// object"), an array as one part per item under the same name. Measured on Prism 5.16.0 with
// test/fixtures/multipart-encoding/openapi.json; multipart-encoding.test.ts pins it.
//
// Other multipart types (multipart/related, multipart/mixed, …) Prism matches by media type (415
// for a body sent as another one) but then validates the whole body text against the object
// schema: "Request body must be object" for any body (measured on 5.16.0 with
// test/fixtures/multipart-subtypes/openapi.json; multipart-subtypes.test.ts pins it). Their
// parts are read the same way, by the Content-Disposition name OpenAPI 3.0.4/3.1.1 correlates
// properties with.
//
// This replaces Prism's body validator for multipart bodies whose `encoding` declares no style
// only: the parts are read back by their own headers (a part labelled with a JSON media type is
// parsed as JSON, any other part is its text; repeated names become an array), then handed to
// Prism's own schema validation, coercion included. Bodies whose `encoding` declares deepObject
// and every other media type keep Prism's own path (test/contract/prism-deep-object.ts fixes
// deepObject).
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Schema = Record<string, unknown>;
interface Content {
  mediaType: string;
  schema?: Schema;
  encodings?: { property: string; style?: string }[];
}
interface Part {
  name: string;
  type: string | undefined;
  text: string;
}

const requireFromPrism = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const validators = requireFromPrism('@stoplight/prism-http/dist/validator/validators') as Record<string, (...args: any[]) => unknown>;
const { validateAgainstSchema } = requireFromPrism('@stoplight/prism-http/dist/validator/validators/utils') as {
  validateAgainstSchema: (value: unknown, schema: Schema, coerce: boolean, context: unknown, prefix: string, bundle: unknown) => { _tag: 'None' } | { _tag: 'Some'; value: unknown[] };
};
const E = requireFromPrism('fp-ts/Either') as { left: (e: unknown) => unknown; right: (v: unknown) => unknown };

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The parts of `body` (Prism hands the body over as a string) by their own headers. */
function partsOf(body: string, boundary: string): Part[] {
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((raw) => {
      const chunk = raw.replace(/^\r\n/, '').replace(/\r\n$/, '');
      const split = chunk.indexOf('\r\n\r\n');
      const head = split < 0 ? chunk : chunk.slice(0, split);
      const text = split < 0 ? '' : chunk.slice(split + 4);
      const name = /;\s*name="([^"]*)"/i.exec(head)?.[1] ?? '';
      const type = /^content-type:\s*(.+)$/im.exec(head)?.[1]?.trim();
      return { name, type, text };
    });
}

function isArraySchema(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const type = (schema as Schema).type;
  return type === 'array' || (Array.isArray(type) && type.includes('array'));
}

function valueOf(part: Part): unknown {
  if (part.type && JSON_MEDIA_TYPE.test(part.type)) {
    try {
      return JSON.parse(part.text);
    } catch {
      return part.text; // not JSON after all: the schema check reports it
    }
  }
  return part.text;
}

/** The body object the parts describe: a name given more than once, or under an array schema, is an array. */
function bodyOf(parts: Part[], schema: Schema): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const byName = new Map<string, unknown[]>();
  for (const part of parts) byName.set(part.name, [...(byName.get(part.name) ?? []), valueOf(part)]);
  const body: Record<string, unknown> = {};
  for (const [name, values] of byName) body[name] = isArraySchema(properties[name]) || values.length > 1 ? values : values[0];
  return body;
}

const prismValidateBody = validators.validateBody!;

validators.validateBody = (target: unknown, specs: Content[], context: unknown, mediaType: string | undefined, boundary: string | undefined, bundle: unknown) => {
  const essence = mediaType?.toLowerCase();
  const content = essence?.startsWith('multipart/') ? specs.find((c) => c.mediaType.split(';')[0]!.trim().toLowerCase() === essence) : undefined;
  // `form` style (the only other one Prism keeps for bodies) sends arrays as repeated parts, as
  // the defaults do; objects exploded into one part per key are not read back here.
  const styled = content?.encodings?.some((e) => e.style === 'deepObject');
  if (!content?.schema || styled || typeof target !== 'string' || !boundary) {
    return prismValidateBody(target, specs, context, mediaType, boundary, bundle);
  }
  const problems = validateAgainstSchema(bodyOf(partsOf(target, boundary), content.schema), content.schema, true, context, 'body', bundle);
  return problems._tag === 'Some' ? E.left(problems.value) : E.right(target);
};
