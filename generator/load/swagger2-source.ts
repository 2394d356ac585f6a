// What a Swagger 2.0 file must hold before swagger2openapi converts it, checked here so a refusal
// names its place (the converter names none, and a `basePath` that is not text stops it with a
// TypeError): `info` with a `title` and a textual `version`, a `termsOfService` that is a URL,
// a `paths` object, `host` and `basePath` as text (the converter's own rules), `consumes` and
// `produces` as lists of media types (the converter iterates them: anything else stopped it with a
// TypeError, blamed on a neighbour), and schemas the types can be generated from (schema-shapes.ts,
// over `definitions`, every `schema`, non-body parameters and response headers), and no `$ref` the
// converter would read as a schema while it points at something else (swagger2-direct-refs.ts).
import { toPointer } from '../json-pointer.ts';
import { SvcgenInputError } from './errors.ts';
import { HTTP_METHODS } from './fixes.ts';
import { findDirectRefProblem } from './swagger2-direct-refs.ts';
import { describe, findSchemaShapeProblem } from './schema-shapes.ts';

export function checkSwagger2Source(swagger: Record<string, unknown>, file: string): void {
  const refuse = (pointer: string, problem: string): never => {
    throw new SvcgenInputError({ file, pointer }, problem);
  };
  const info = swagger['info'];
  if (info === null || typeof info !== 'object' || Array.isArray(info)) refuse('/info', `the info object is mandatory, found ${describe(info)}`);
  const { title, version, termsOfService } = info as Record<string, unknown>;
  if (title === undefined || title === null) refuse('/info/title', 'info.title is mandatory');
  if (typeof version !== 'string') refuse('/info/version', `info.version must be text, found ${describe(version)}`);
  if (termsOfService !== undefined && !(typeof termsOfService === 'string' && URL.canParse(termsOfService))) {
    refuse('/info/termsOfService', `info.termsOfService must be a URL, found ${describe(termsOfService)}`);
  }
  const paths = swagger['paths'];
  if (paths === null || typeof paths !== 'object' || Array.isArray(paths)) refuse('/paths', `the paths object is mandatory, found ${describe(paths)}`);
  for (const key of ['host', 'basePath']) {
    if (swagger[key] !== undefined && typeof swagger[key] !== 'string') refuse(`/${key}`, `\`${key}\` must be text, found ${describe(swagger[key])}`);
  }
  // Not a Swagger 2.0 member, but the converter adds the host's server to it as a list.
  if (swagger['servers'] !== undefined && !Array.isArray(swagger['servers'])) refuse('/servers', `\`servers\` is no Swagger 2.0 member, and the converter adds to it as a list: found ${describe(swagger['servers'])}`);
  const schemes = securityDefinitionsProblem(swagger['securityDefinitions']);
  if (schemes) refuse(schemes.pointer, schemes.problem);
  const names = converterNameProblem(swagger) ?? responseKeyProblem(paths as Record<string, unknown>);
  if (names) refuse(names.pointer, names.problem);
  const mediaTypes = mediaTypeListProblem(swagger, paths as Record<string, unknown>);
  if (mediaTypes) refuse(mediaTypes.pointer, mediaTypes.problem);
  const direct = findDirectRefProblem(swagger);
  if (direct) refuse(direct.pointer, direct.problem);
  const shape = findSchemaShapeProblem(swagger);
  if (shape) refuse(shape.pointer, shape.problem);
}

/** The first `consumes` or `produces` (the file's, then each operation's) that is not a list of text. */
function mediaTypeListProblem(swagger: Record<string, unknown>, paths: Record<string, unknown>): { pointer: string; problem: string } | undefined {
  const places: [unknown, (string | number)[]][] = [[swagger, []]];
  for (const [key, item] of Object.entries(paths)) {
    if (key.startsWith('x-') || item === null || typeof item !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, unknown>)[method];
      if (operation !== null && typeof operation === 'object') places.push([operation, ['paths', key, method]]);
    }
  }
  for (const [node, at] of places) {
    for (const key of ['consumes', 'produces']) {
      const list = (node as Record<string, unknown>)[key];
      if (list === undefined) continue;
      if (!Array.isArray(list)) return { pointer: toPointer([...at, key]), problem: `\`${key}\` must be a list of media types, found ${describe(list)}` };
      const index = list.findIndex((entry) => typeof entry !== 'string');
      if (index !== -1) return { pointer: toPointer([...at, key, index]), problem: `a media type in \`${key}\` must be text, found ${describe(list[index])}` };
    }
  }
  return undefined;
}

/** Security schemes whose members the converter reads as text (a URL it splits, say) or as a map of scopes. */
function securityDefinitionsProblem(definitions: unknown): { pointer: string; problem: string } | undefined {
  if (definitions === undefined) return undefined;
  if (definitions === null || typeof definitions !== 'object' || Array.isArray(definitions)) return { pointer: '/securityDefinitions', problem: `\`securityDefinitions\` must be an object of security schemes by name, found ${describe(definitions)}` };
  for (const [name, scheme] of Object.entries(definitions as Record<string, unknown>)) {
    if (scheme === null || typeof scheme !== 'object' || Array.isArray(scheme)) return { pointer: toPointer(['securityDefinitions', name]), problem: `expected a Security Scheme Object (an object), found ${describe(scheme)}` };
    const record = scheme as Record<string, unknown>;
    const key = ['type', 'name', 'in', 'flow', 'authorizationUrl', 'tokenUrl', 'description'].find((member) => record[member] !== undefined && typeof record[member] !== 'string');
    if (key) return { pointer: toPointer(['securityDefinitions', name, key]), problem: `a security scheme's \`${key}\` must be text, found ${describe(record[key])}` };
    const scopes = record['scopes'];
    if (scopes !== undefined && (scopes === null || typeof scopes !== 'object' || Array.isArray(scopes))) return { pointer: toPointer(['securityDefinitions', name, 'scopes']), problem: `\`scopes\` must be an object of scope descriptions by name, found ${describe(scopes)}` };
  }
  return undefined;
}

/** Names swagger2openapi cannot carry: it looks names up in plain objects and calls `hasOwnProperty` on what it walks. */
const UNCONVERTIBLE_NAMES = new Set(['__proto__', 'hasOwnProperty']);
/** Example payloads and enums are data: their keys are not the converter's to read as names. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'x-example', 'x-examples']);

/**
 * The first member named `__proto__` or `hasOwnProperty` (a definition, property, parameter,
 * header, security scheme …). The converter answered one with a TypeError and no place ("object.
 * hasOwnProperty is not a function"), a reference to '#/components/schemas/[object Object]', or a
 * mandatory description it had itself replaced with a function: valid files, refused with another
 * fault at another place, or with none.
 */
function converterNameProblem(swagger: Record<string, unknown>): { pointer: string; problem: string } | undefined {
  const stack: (string | number)[] = [];
  const walk = (node: unknown): { pointer: string; problem: string } | undefined => {
    if (node === null || typeof node !== 'object') return undefined;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((value, index) => [index, value]) : Object.entries(node);
    for (const [key, value] of entries) {
      if (typeof key === 'string' && UNCONVERTIBLE_NAMES.has(key)) {
        return { pointer: toPointer([...stack, key]), problem: `swagger2openapi cannot convert a member named '${key}' (it reads names through plain objects); rename it with a source-stage overlay (x-svcgen-stage: source)` };
      }
      if (typeof key === 'string' && DATA_KEYS.has(key)) continue;
      stack.push(key);
      const found = walk(value);
      stack.pop();
      if (found) return found;
    }
    return undefined;
  };
  return walk(swagger);
}

/**
 * Swagger 2.0 keys an operation's responses by HTTP status code (or `default`). The converter looks
 * each key up in a table of status texts to fill in a missing description: `constructor` got
 * 'function Object() { [native code] }', and `hasOwnProperty` a function that later stopped the
 * search for the refusal's place.
 */
function responseKeyProblem(paths: Record<string, unknown>): { pointer: string; problem: string } | undefined {
  for (const [key, item] of Object.entries(paths)) {
    if (key.startsWith('x-') || item === null || typeof item !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const responses = ((item as Record<string, unknown>)[method] as Record<string, unknown> | undefined)?.['responses'];
      if (responses === null || typeof responses !== 'object' || Array.isArray(responses)) continue;
      const status = Object.keys(responses).find((code) => !/^(?:[1-5]\d\d|default)$/.test(code) && !code.startsWith('x-'));
      if (status !== undefined) return { pointer: toPointer(['paths', key, method, 'responses', status]), problem: `a response must be keyed by an HTTP status code or \`default\` in Swagger 2.0, found '${status}'` };
    }
  }
  return undefined;
}
