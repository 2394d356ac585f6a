// A Swagger 2.0 file the converter (swagger2openapi) cannot convert is refused with its place:
// what every file must hold (info, paths, host and basePath as text, schemas) is checked before
// conversion, and for what only the converter knows, the place is the member whose taking out lets
// the file convert. Before, the refusal named the file alone, in the converter's words, and a
// TypeError from inside the converter (a `basePath` that is not text) read the same way.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inputError } from './expect-input-error.ts';
import { oneSpecLoader } from './temp-project.ts';

const loader = oneSpecLoader();
afterEach(async () => {
  vi.restoreAllMocks();
  await loader.cleanup();
});

function swagger(mutate: (document: any) => void = () => {}): Record<string, unknown> {
  const document = {
    swagger: '2.0',
    info: { title: 'Pets', version: '1', termsOfService: 'https://pets.example/terms' },
    host: 'pets.example',
    basePath: '/v1',
    paths: {
      '/pets': {
        get: { operationId: 'listPets', parameters: [{ name: 'limit', in: 'query', type: 'integer' }], responses: { '200': { description: 'ok', schema: { type: 'array', items: { $ref: '#/definitions/Pet' } } } } },
        post: { operationId: 'addPet', parameters: [{ name: 'pet', in: 'body', schema: { $ref: '#/definitions/Pet' } }], responses: { '200': { description: 'ok' } } },
      },
      '/pets/{id}': {
        delete: { operationId: 'deletePet', parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }], responses: { '204': { description: 'gone' } } },
      },
    },
    definitions: { Pet: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } } },
  };
  mutate(document);
  return document;
}

/** [what is broken, how, the pointer named, the start of the problem stated] */
const CASES: [string, (document: any) => void, string, string][] = [
  ['info left out', (d) => { delete d.info; }, '/info', 'the info object is mandatory, found nothing'],
  ['a version that is a number', (d) => { d.info.version = 1; }, '/info/version', 'info.version must be text, found number 1'],
  ['terms of service that are no URL', (d) => { d.info.termsOfService = 'see the site'; }, '/info/termsOfService', 'info.termsOfService must be a URL'],
  ['paths left out', (d) => { delete d.paths; }, '/paths', 'the paths object is mandatory, found nothing'],
  ['a basePath that is not text (a TypeError inside the converter before)', (d) => { d.basePath = true; }, '/basePath', '`basePath` must be text, found boolean true'],
  ['a definition that is null', (d) => { d.definitions.Pet = null; }, '/definitions/Pet', 'expected a schema (an object), found null'],
  ['definitions that are text (an internal error in the type emitter before)', (d) => { d.paths['/pets'].get.responses['200'].schema.items = { type: 'object' }; d.paths['/pets'].post.parameters[0].schema = { type: 'object' }; d.definitions = 'x'; }, '/definitions', '`definitions` must be an object of schemas by name, found the string "x"'],
  ['a query parameter without its type (the converter refuses it)', (d) => { delete d.paths['/pets'].get.parameters[0].type; }, '/paths/~1pets/get/parameters/0', 'swagger2openapi cannot convert this Swagger 2.0 file: (Patchable) parameter.type is mandatory for non-body parameters'],
  // Neither fault's taking out alone lets the file convert; the one the converter names is found by
  // what taking it out makes the converter name instead (the file alone was named before).
  ['two faults the converter refuses, one in paths and one in definitions', (d) => { delete d.paths['/pets'].get.parameters[0].type; d.definitions.Pet.type = ['object']; }, '/definitions/Pet', 'swagger2openapi cannot convert this Swagger 2.0 file: (Patchable) schema type must not be an array'],
  ['a property type that is a list (the converter refuses it)', (d) => { d.definitions.Pet.properties.age.type = ['integer']; }, '/definitions/Pet/properties/age', 'swagger2openapi cannot convert this Swagger 2.0 file: (Patchable) schema type must not be an array'],
  // A non-body parameter or a response header is a schema itself: its faults were named in the
  // converted layout (…/parameters/0/schema/items), a place the file does not have.
  ['a query parameter whose items is a number', (d) => { Object.assign(d.paths['/pets'].get.parameters[0], { type: 'array', items: 5 }); }, '/paths/~1pets/get/parameters/0/items', 'expected a schema (an object), found number 5'],
  ['a shared parameter whose nested items is text', (d) => { d.parameters = { Tags: { name: 'tags', in: 'query', type: 'array', items: { type: 'array', items: 'x' } } }; d.paths['/pets'].get.parameters.push({ $ref: '#/parameters/Tags' }); }, '/parameters/Tags/items/items', 'expected a schema (an object), found the string "x"'],
  ['a response header whose items has a $ref that is a number', (d) => { d.paths['/pets'].get.responses['200'].headers = { 'X-Ids': { type: 'array', items: { $ref: 5 } } }; }, '/paths/~1pets/get/responses/200/headers/X-Ids/items/$ref', '`$ref` must be text, found number 5'],
  // The converter made output that referred to itself ("Converting circular structure to JSON",
  // charged to the whole parameter); a non-body parameter is read as a schema before conversion now.
  ['a parameter type that is a reference', (d) => { d.paths['/pets'].get.parameters[0].type = { $ref: 42 }; }, '/paths/~1pets/get/parameters/0/type', 'a parameter\'s `type` must be text in Swagger 2.0, found object {"$ref":42}'],
  // Found by a value-type sweep: each was charged to a neighbour (a header's format or type, the
  // scheme's type, the file's host) or to nothing.
  ['a header whose type is null', (d) => { d.paths['/pets'].get.responses['200'].headers = { 'X-Rate': { type: null, format: 'int32' } }; }, '/paths/~1pets/get/responses/200/headers/X-Rate/type', "a header's `type` must be text in Swagger 2.0, found null"],
  ["a header's collectionFormat that is an object", (d) => { d.paths['/pets'].get.responses['200'].headers = { 'X-Ids': { type: 'array', items: { type: 'string' }, collectionFormat: { a: 1 } } }; }, '/paths/~1pets/get/responses/200/headers/X-Ids/collectionFormat', "a header's `collectionFormat` must be text in Swagger 2.0, found object {\"a\":1}"],
  ['a schema written on a form parameter', (d) => { d.paths['/pets'].post.parameters = [{ name: 'n', in: 'formData', type: 'string', schema: 5 }]; d.paths['/pets'].post.consumes = ['multipart/form-data']; }, '/paths/~1pets/post/parameters/0/schema', 'expected a schema (an object), found number 5'],
  ["an oauth2 scheme's authorizationUrl that is a number", (d) => { d.securityDefinitions = { o: { type: 'oauth2', flow: 'implicit', authorizationUrl: 5, scopes: {} } }; }, '/securityDefinitions/o/authorizationUrl', "a security scheme's `authorizationUrl` must be text, found number 5"],
  ['an oauth2 scheme with a name (the converter refuses it)', (d) => { d.securityDefinitions = { o: { type: 'oauth2', flow: 'implicit', authorizationUrl: 'https://pets.example/auth', scopes: {}, name: 'x' } }; }, '/securityDefinitions/o/name', 'swagger2openapi cannot convert this Swagger 2.0 file: (Patchable) oauth2 securitySchemes should not have name property'],
  ['servers written as an object', (d) => { d.servers = {}; }, '/servers', '`servers` is no Swagger 2.0 member, and the converter adds to it as a list: found object {}'],
  // swagger2openapi moves the target of a `$ref` straight into the document into a component of the
  // kind it guesses from the pointer, and puts a reference where the target was: a path item turned
  // into a schema reference (its operations vanished from the client), and `paths` itself made the
  // refusal name /paths/$ref, which the file does not have.
  ['a schema $ref to a path item', (d) => { d.definitions.Pet.properties.owner = { $ref: '#/paths/~1pets~1{id}' }; }, '/definitions/Pet/properties/owner/$ref', "$ref '#/paths/~1pets~1{id}' does not point at a schema"],
  ['a schema $ref to paths itself', (d) => { d.paths['/pets'].get.responses['200'].schema.items = { $ref: '#/paths' }; }, '/paths/~1pets/get/responses/200/schema/items/$ref', "$ref '#/paths' does not point at a schema"],
  // The file's shared parameters and responses: named under components/ after conversion before.
  ['a shared parameter that is a number', (d) => { d.parameters = { Limit: 1 }; }, '/parameters/Limit', 'expected an object, found number 1'],
  ["a shared parameter's in that is not text", (d) => { d.parameters = { Limit: { name: 'limit', in: true, type: 'integer' } }; }, '/parameters/Limit/in', "a parameter's `in` must be text, found boolean true"],
  ["a shared response's headers that are a number", (d) => { d.responses = { Error: { description: 'e', headers: 5 } }; }, '/responses/Error/headers', '`headers` must be an object of Header Objects by name, found number 5'],
  ['shared responses that are text', (d) => { d.responses = 'x'; }, '/responses', '`responses` must be an object of shared responses by name, found the string "x"'],
  // Found by a second value-type sweep. The converter reads names through plain objects: a
  // security scheme named hasOwnProperty was refused with no place ("object.hasOwnProperty is not
  // a function"), a definition named __proto__ at a converted place for a reference to
  // '#/components/schemas/[object Object]', and a response keyed hasOwnProperty crashed the search
  // for the refusal's place (a DataCloneError, exit 1).
  ['a security scheme named hasOwnProperty', (d) => { d.securityDefinitions = { hasOwnProperty: { type: 'apiKey', in: 'header', name: 'k' } }; d.security = [{ hasOwnProperty: [] }]; }, '/securityDefinitions/hasOwnProperty', "swagger2openapi cannot convert a member named 'hasOwnProperty'"],
  ['a definition named __proto__', (d) => { Object.defineProperty(d.definitions, '__proto__', { value: { type: 'string' }, enumerable: true, writable: true, configurable: true }); }, '/definitions/__proto__', "swagger2openapi cannot convert a member named '__proto__'"],
  ['a response keyed hasOwnProperty', (d) => { d.paths['/pets'].get.responses.hasOwnProperty = { type: 'string' }; }, '/paths/~1pets/get/responses/hasOwnProperty', "swagger2openapi cannot convert a member named 'hasOwnProperty'"],
  ['a response keyed constructor', (d) => { d.paths['/pets'].get.responses.constructor = { description: 'x' }; }, '/paths/~1pets/get/responses/constructor', "a response must be keyed by an HTTP status code or `default` in Swagger 2.0, found 'constructor'"],
  ['definitions that are a list, referenced', (d) => { d.definitions = []; }, '/definitions', '`definitions` must be an object of schemas by name, found an array'],
  // The converter iterates them: a TypeError ("… is not iterable") charged to the operation's parameters or responses before.
  ["an operation's consumes that is an object", (d) => { d.paths['/pets'].get.consumes = { json: true }; }, '/paths/~1pets/get/consumes', '`consumes` must be a list of media types, found object {"json":true}'],
  ["an operation's produces that is a number", (d) => { d.paths['/pets'].get.produces = 5; }, '/paths/~1pets/get/produces', '`produces` must be a list of media types, found number 5'],
  ["a media type in the file's consumes that is not text", (d) => { d.consumes = ['application/json', null]; }, '/consumes/1', 'a media type in `consumes` must be text, found null'],
];

describe('Swagger 2.0 files the converter cannot convert', () => {
  it('the unbroken fixture converts', async () => {
    const loaded = await loader.load(swagger(), 'swagger-2.0');
    expect(Object.keys(loaded.document.paths)).toEqual(['/pets', '/pets/{id}']);
  });

  it('converts a schema $ref to a schema under paths, and keeps every operation (a guard)', async () => {
    const loaded = await loader.load(swagger((d) => { d.definitions.Pet.properties.siblings = { $ref: '#/paths/~1pets/get/responses/200/schema' }; }), 'swagger-2.0');
    expect(Object.keys(loaded.document.paths)).toEqual(['/pets', '/pets/{id}']);
    expect(Object.keys(loaded.document.paths['/pets'])).toEqual(['get', 'post']);
  });

  it.each(CASES)('%s is refused with its place', async (_name, mutate, pointer, problem) => {
    const error = await inputError(loader.load(swagger(mutate), 'swagger-2.0'));
    expect(error.file).toBe('acme/openapi.json');
    expect(error.pointer).toBe(pointer);
    expect(error.problem.startsWith(problem), error.problem).toBe(true);
  });

  it("keeps the converter's console quiet: the refusal reports its exception once", async () => {
    // A header with a format and no type: the converter fails with a TypeError (no schema to put the format in).
    const warn = vi.spyOn(console, 'warn');
    const error = await inputError(loader.load(swagger((d) => { d.paths['/pets'].get.responses['200'].headers = { 'X-Rate': { format: 'int32' } }; }), 'swagger-2.0'));
    expect(error.problem).toContain("Cannot set properties of undefined (setting 'format')");
    await new Promise((settled) => setImmediate(settled));
    expect(warn).not.toHaveBeenCalled();
  });

  it("keeps the converter's console quiet when its walk goes on after the refusal and fails later", async () => {
    // The converter rejects on the header's collectionFormat, walks on, and fails on the same
    // header with a TypeError (it has no type, so no schema to put the format in), which its own
    // catch warns of a few promise jobs later: after the console was given back, before.
    const warn = vi.spyOn(console, 'warn');
    const headers = { 'X-Rate': { description: 'rate', collectionFormat: 'csv', format: 'int32' } };
    const error = await inputError(loader.load(swagger((d) => { d.paths['/pets'].get.responses['200'].headers = headers; }), 'swagger-2.0'));
    expect(error.pointer).toBe('/paths/~1pets/get/responses/200/headers/X-Rate');
    expect(error.problem).toContain('collectionFormat is only applicable to header.type array');
    await new Promise((settled) => setImmediate(settled));
    expect(warn).not.toHaveBeenCalled();
  });
});
