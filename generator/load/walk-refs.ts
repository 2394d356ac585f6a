// One walk over a document that reports every reference: `$ref` strings and the `#/...` values of
// discriminator mappings. Example payloads, defaults and enums are data, not OpenAPI, so a `$ref`
// key inside them is not a reference and is skipped.
import { toPointer } from '../json-pointer.ts';

export interface RefSite {
  /** The referencing string is `holder[key]`; assign to it to rewrite the reference. */
  holder: Record<string, unknown>;
  key: string;
  ref: string;
  /** Segments from the document root to `holder`. Copy it if you keep it. */
  stack: readonly (string | number)[];
}

const DATA_KEYS = new Set(['example', 'default', 'enum', 'const']);

export function walkRefs(document: unknown, visit: (site: RefSite) => void, start: (string | number)[] = []): void {
  const stack = start;
  const walk = (node: unknown, examplesMap: boolean): void => {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const item = node[index];
        if (item !== null && typeof item === 'object') {
          stack.push(index);
          walk(item, false);
          stack.pop();
        }
      }
      return;
    }
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (key === '$ref') {
        if (typeof value === 'string') visit({ holder: record, key, ref: value, stack });
        continue;
      }
      if (value === null || typeof value !== 'object') continue;
      if (DATA_KEYS.has(key) && !(key === 'default' && inResponses(stack))) continue;
      // Inside a map of Example Objects, `value` is the example payload.
      if (examplesMap && key === 'value') continue;
      stack.push(key);
      if (key === 'examples') {
        if (!Array.isArray(value)) walkExampleMap(value as Record<string, unknown>);
      } else if (key === 'mapping' && isMappingOf(record)) {
        visitMapping(value as Record<string, unknown>);
      } else {
        walk(value, false);
      }
      stack.pop();
    }
  };
  const walkExampleMap = (map: Record<string, unknown>): void => {
    for (const name in map) {
      const example = map[name];
      if (example === null || typeof example !== 'object' || Array.isArray(example)) continue;
      stack.push(name);
      walk(example, true);
      stack.pop();
    }
  };
  const visitMapping = (mapping: Record<string, unknown>): void => {
    for (const name in mapping) {
      const value = mapping[name];
      if (typeof value === 'string' && value.startsWith('#')) visit({ holder: mapping, key: name, ref: value, stack });
    }
  };
  if (document !== null && typeof document === 'object') walk(document, false);
}

/**
 * Whether the node at `stack` is a Responses Object (or the components' map of responses), where
 * `default` is the response for any other status rather than data; a schema property named
 * `responses` is not one.
 */
export function inResponses(stack: readonly (string | number)[]): boolean {
  return stack.at(-1) === 'responses' && stack.at(-2) !== 'properties' && stack.at(-2) !== 'patternProperties';
}

/** A discriminator object: `{ propertyName, mapping }`. */
function isMappingOf(record: Record<string, unknown>): boolean {
  return typeof record.propertyName === 'string';
}

export function sitePointer(site: RefSite): string {
  return toPointer([...site.stack, site.key]);
}
