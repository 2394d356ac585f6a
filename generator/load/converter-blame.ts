// Where in a Swagger 2.0 file the converter's refusal comes from. swagger2openapi says what is
// wrong ("parameter.type is mandatory for non-body parameters", or a TypeError from inside it) but
// not where, so the place is found by taking parts out: the deepest member whose taking out lets
// the file convert. An object or list member is emptied rather than removed, so the references
// into it (`#/definitions/Pet`) still resolve; a scalar is removed. `swagger` and `info` are
// checked before conversion (swagger2-source.ts) and never touched. Halving the members of each
// level keeps it to about log2(members) conversions per level; it runs only after a refusal,
// within a budget of conversions, and answers the deepest place it has proved by then.
import { toPointer } from '../json-pointer.ts';

type Segment = string | number;

/** Conversions the search may spend (each one converts the whole file). */
const MAX_CONVERSIONS = 120;
/** Members of the file that are never taken out. */
const REQUIRED = new Set(['swagger', 'info']);

/**
 * The pointer of the member to blame, or undefined when no member's removal clears the refusal (a
 * member missing rather than wrong). `converts(document)` converts a copy and answers whether the
 * refusal is gone: the caller decides whether that means converting, or being refused for another
 * reason (wrong parts in two places, where no one member's removal lets the file convert).
 */
export async function blame(document: Record<string, unknown>, converts: (document: Record<string, unknown>) => Promise<boolean>): Promise<string | undefined> {
  const at: Segment[] = [];
  let spent = 0;
  /** Converts a copy in which `change` altered the member at `at`. */
  const clearedBy = async (change: (holder: any) => void): Promise<boolean> => {
    spent++;
    const copy = structuredClone(document);
    change(at.reduce<any>((parent, key) => parent[key], copy));
    return converts(copy);
  };
  /** Empties the object and list members among `keys` and removes the others. */
  const without = (keys: readonly Segment[]) =>
    clearedBy((holder) => {
      for (const key of keys) if (holder[key] !== null && typeof holder[key] === 'object') holder[key] = Array.isArray(holder[key]) ? [] : {};
      const scalars = keys.filter((key) => holder[key] === null || typeof holder[key] !== 'object');
      if (Array.isArray(holder)) for (const index of [...(scalars as number[])].sort((a, b) => b - a)) holder.splice(index, 1);
      else for (const key of scalars) delete holder[key];
    });
  /** Empties every object and list member of the member `key`, keeping their names. */
  const hollowed = (key: Segment) =>
    clearedBy((holder) => {
      const inner = holder[key];
      for (const name of Object.keys(inner)) if (inner[name] !== null && typeof inner[name] === 'object') inner[name] = Array.isArray(inner[name]) ? [] : {};
    });

  let node: unknown = document;
  while (node !== null && typeof node === 'object' && spent < MAX_CONVERSIONS) {
    // A textual `type` says what its object is: taken out, the converter skips the checks of that
    // kind, and the blame fell on it instead of the member at fault (an oauth2 scheme's `name`).
    const members = (Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node)).filter(
      (key) => (at.length > 0 || !REQUIRED.has(String(key))) && !(key === 'type' && typeof (node as Record<string, unknown>)[key] === 'string'),
    );
    let candidates: Segment[] = members;
    let proved = false;
    // Halve while one half alone, taken out, lets the file convert.
    while (candidates.length > 1 && spent < MAX_CONVERSIONS) {
      const half = candidates.slice(0, Math.ceil(candidates.length / 2));
      const rest = candidates.slice(half.length);
      if (await without(half)) candidates = half;
      else if (await without(rest)) candidates = rest;
      else break;
      proved = true;
    }
    let next: Segment | undefined;
    if (candidates.length === 1 && (proved || (spent < MAX_CONVERSIONS && (await without(candidates))))) next = candidates[0];
    // No member can go as a whole: look inside each one whose own members, emptied, let it convert.
    for (const key of next === undefined ? members : []) {
      const value = (node as Record<Segment, unknown>)[key];
      if (spent >= MAX_CONVERSIONS) break;
      if (value !== null && typeof value === 'object' && Object.keys(value).length > 0 && (await hollowed(key))) {
        next = key;
        break;
      }
    }
    if (next === undefined) break;
    at.push(next);
    node = (node as Record<Segment, unknown>)[next];
  }
  return at.length > 0 ? toPointer(at) : undefined;
}
