// The line and column of a JSON pointer in a YAML or JSON file's text, for messages about a value
// found wrong after parsing (an unknown profile key). Only error paths call this, so it re-parses
// with the `yaml` package, whose nodes keep their source ranges (js-yaml, the fast parser, does not).
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { parsePointer } from '../json-pointer.ts';
import { lineColumnAt } from './json-error-position.ts';

/**
 * Where `pointer` is written in `text`: the key for an object member (the name a person misspelt),
 * the item for an array element. Undefined when the text does not contain that path.
 */
export function positionOfPointer(text: string, pointer: string): { line: number; column: number } | undefined {
  const document = parseDocument(text, { keepSourceTokens: false });
  let node: unknown = document.contents;
  let offset: number | undefined;
  for (const segment of parsePointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === segment);
      if (!pair) return undefined;
      offset = (pair.key as Node | null)?.range?.[0];
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!/^\d+$/.test(segment) || !item) return undefined;
      offset = item.range?.[0];
      node = item;
    } else {
      return undefined;
    }
  }
  return offset === undefined ? undefined : lineColumnAt(text, offset);
}
