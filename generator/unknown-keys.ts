// Unknown keys in data checked by a zod 4 schema, found by walking the schema's own shapes beside
// the data (objects, discriminated unions by their tag, records, arrays), so a typo is reported
// with the keys that would have been accepted at that place and the required ones it lacks.
import type { z } from 'zod';
import { nearestName } from './load/errors.ts';

export interface UnknownKey {
  /** Path of the object holding the key, from the root of the value checked. */
  path: string[];
  key: string;
  /** The keys that object accepts, and those of them it requires but lacks. */
  known: string[];
  missing: string[];
}

/** The first key, in document order, that the schema does not know at its place in `value`. */
export function firstUnknownKey(schema: z.ZodType, value: unknown, path: string[]): UnknownKey | undefined {
  const node = unwrap(schema);
  const def = node._zod.def as Record<string, any>;
  if (def.type === 'object' && isRecord(value)) {
    const shape = def.shape as Record<string, z.ZodType>;
    const known = Object.keys(shape);
    const missing = known.filter((key) => !(key in value) && (shape[key]!._zod.optin === undefined));
    for (const [key, child] of Object.entries(value)) {
      if (!Object.hasOwn(shape, key)) return { path, key, known, missing };
      const found = firstUnknownKey(shape[key]!, child, [...path, key]);
      if (found) return found;
    }
  } else if (def.type === 'union' && typeof def.discriminator === 'string' && isRecord(value)) {
    const tag = value[def.discriminator];
    const option = (def.options as z.ZodType[]).find((candidate) => candidate._zod.propValues?.[def.discriminator]?.has(tag as never));
    if (option) return firstUnknownKey(option, value, path);
  } else if (def.type === 'record' && isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const found = firstUnknownKey(def.valueType, child, [...path, key]);
      if (found) return found;
    }
  } else if (def.type === 'array' && Array.isArray(value)) {
    for (const [index, child] of value.entries()) {
      const found = firstUnknownKey(def.element, child, [...path, String(index)]);
      if (found) return found;
    }
  }
  return undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  for (let def = node._zod.def as Record<string, any>; ['optional', 'default', 'prefault', 'nullable', 'readonly', 'pipe'].includes(def.type); def = node._zod.def as Record<string, any>) {
    node = def.type === 'pipe' ? def.in : def.innerType;
  }
  return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** "unknown key `retryPolicy` in <where> (did you mean `policy`?)", naming a required key it displaced. */
export function describeUnknownKey(found: UnknownKey, where: string): string {
  const near = nearestName(found.key, found.known);
  const missing = near !== undefined && found.missing.includes(near) ? ` \`${near}\` is required and missing.` : '';
  const hint = near === undefined ? ` (known keys here: ${found.known.join(', ')})` : ` (did you mean \`${near}\`?${missing})`;
  return `unknown key \`${found.key}\` in ${where}${hint}`;
}
