// A parameter's `in` must be one OpenAPI 3 defines. Any other value (a Swagger 2.0 `formData` or
// `body` left in a 3.x file, a typo) reached the model, which reads only the four it knows, so the
// parameter vanished from the generated client without a word, a required one included. Refused
// with its place instead: what the parameter means cannot be guessed.
import { toPointer } from '../json-pointer.ts';
import { HTTP_METHODS, pathItems } from './fixes.ts';

const LOCATIONS = ['query', 'header', 'path', 'cookie'];

/** The first parameter (in paths, then components) whose `in` is none of the four, or undefined. */
export function findParameterLocationProblem(document: Record<string, any>): { pointer: string; problem: string } | undefined {
  const lists: [unknown, (string | number)[]][] = [];
  for (const [path, item] of pathItems(document)) {
    lists.push([item.parameters, ['paths', path, 'parameters']]);
    for (const method of HTTP_METHODS) {
      if (item[method] !== null && typeof item[method] === 'object') lists.push([item[method].parameters, ['paths', path, method, 'parameters']]);
    }
  }
  const components = document.components?.parameters;
  const named = components !== null && typeof components === 'object' ? Object.entries(components as Record<string, unknown>) : [];
  const entries = [
    ...lists.flatMap(([list, at]) => (Array.isArray(list) ? list.map((parameter, index): [unknown, (string | number)[]] => [parameter, [...at, index]]) : [])),
    ...named.map(([name, parameter]): [unknown, (string | number)[]] => [parameter, ['components', 'parameters', name]]),
  ];
  for (const [parameter, at] of entries) {
    if (parameter === null || typeof parameter !== 'object' || typeof (parameter as { $ref?: unknown }).$ref === 'string') continue;
    const location = (parameter as { in?: unknown }).in;
    if (typeof location === 'string' && !LOCATIONS.includes(location)) {
      return { pointer: toPointer([...at, 'in']), problem: `a parameter's \`in\` must be query, header, path or cookie in OpenAPI 3, found ${JSON.stringify(location)}` };
    }
  }
  return undefined;
}
