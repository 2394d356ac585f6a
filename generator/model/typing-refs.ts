// openapi-typescript types a `$ref` by indexing the type of its target, which works only for
// targets it names itself: `#/components/<kind>/<name>`. Real specs also point inside paths
// (`#/paths/~1a/get/responses/200/content/application~1json/schema`) and inside schemas
// (`#/components/schemas/A/definitions/B`), and name discriminator targets by bare schema name;
// the resulting types do not compile or the generator throws. For the typing document only, each
// such target is copied into components under a name derived from its pointer and the references
// are rewritten; bare or dangling discriminator mappings are made references or dropped. Documents
// without either (the common case) are returned as they are.
import { getAtPointer, refToPointer } from '../json-pointer.ts';
import { HTTP_METHODS } from './operations.ts';

type Doc = Record<string, any>;

const COMPONENT_POINTER = /^\/components\/[^/]+\/[^/]+$/;

/** Keys whose value is an Operation Object (its `responses` map status codes and `default`). */
const OPERATION_KEYS = new Set<string>(HTTP_METHODS);

type Kind = 'schemas' | 'responses' | 'requestBodies' | 'parameters';

/** Keywords whose values are data (examples, defaults), not schemas, even under a schema. */
const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'enum', 'const', 'description', 'title', 'x-example']);

function kindOf(pointer: string): Kind | undefined {
  // An operation's `responses/default` and a property named `description` or `default` are not
  // data, whatever their names.
  if (/\/responses\/[^/]+$/.test(pointer) && pointer.startsWith('/paths/')) return 'responses';
  if (/\/properties\/[^/]+$/.test(pointer)) return 'schemas';
  if (DATA_KEYWORDS.has(pointer.slice(pointer.lastIndexOf('/') + 1))) return undefined;
  if (/\/requestBody$/.test(pointer)) return 'requestBodies';
  if (/\/parameters\/\d+$/.test(pointer)) return 'parameters';
  if (/\/schema$|\/properties\/[^/]+$|\/items$|\/(definitions|\$defs)\/[^/]+$|\/(allOf|anyOf|oneOf)\/\d+$|\/additionalProperties$|^\/components\/schemas\//.test(pointer)) return 'schemas';
  return undefined;
}

/**
 * Visits every object of the document except literal data: a `$ref` inside an example or a
 * default is part of the data (real specs hold such strings), not a reference to follow.
 */
function walk(node: unknown, visit: (object: Doc) => void): void {
  const stack: { value: unknown; key: string; parentKey: string }[] = [{ value: node, key: '', parentKey: '' }];
  const seen = new Set<object>();
  while (stack.length) {
    const { value: current, key, parentKey } = stack.pop()!;
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (!Array.isArray(current)) visit(current as Doc);
    for (const [childKey, value] of Object.entries(current)) {
      if (value === null || typeof value !== 'object') continue;
      // Under `properties`, `examples` (3.1 schemas) or an Example Object's `value`, names are data;
      // under an operation's (or the components') `responses`, `default` is a response.
      const responses = key === 'responses' && (parentKey === 'components' || OPERATION_KEYS.has(parentKey));
      if (key !== 'properties' && !responses && DATA_KEYWORDS.has(childKey) && childKey !== 'examples') continue;
      if (childKey === 'value' && parentKey === 'examples') continue;
      stack.push({ value, key: childKey, parentKey: key });
    }
  }
}

function innerPointer(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const pointer = refToPointer(ref);
  return pointer !== undefined && pointer !== '' && !COMPONENT_POINTER.test(pointer) && kindOf(pointer) ? pointer : undefined;
}

function needsMappingFix(doc: Doc, mapping: Record<string, unknown>): boolean {
  return Object.values(mapping).some((value) => typeof value !== 'string' || !value.startsWith('#') || getAtPointer(doc, refToPointer(value) ?? '') === undefined || innerPointer(value) !== undefined);
}

function nameFor(pointer: string, taken: Set<string>): string {
  const base = pointer
    .split('/')
    .flatMap((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~').split(/[^A-Za-z0-9]+/))
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('')
    .slice(0, 120) || 'Inline';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

export function componentRefsOnly(typing: Doc): Doc {
  let needed = false;
  walk(typing, (object) => {
    if (innerPointer(object.$ref) !== undefined) needed = true;
    const mapping = object.discriminator?.mapping;
    if (mapping && typeof mapping === 'object' && needsMappingFix(typing, mapping)) needed = true;
  });
  if (!needed) return typing;

  const doc = structuredClone(typing);
  const pointers = new Set<string>();
  walk(doc, (object) => {
    const pointer = innerPointer(object.$ref);
    if (pointer !== undefined) pointers.add(pointer);
  });
  const moved = new Map<string, string>();
  doc.components ??= {};
  for (const pointer of [...pointers].sort()) {
    const target = getAtPointer(typing, pointer);
    if (target === undefined) continue;
    const kind = kindOf(pointer)!;
    const section: Doc = (doc.components[kind] ??= {});
    const name = nameFor(pointer, new Set(Object.keys(section)));
    section[name] = structuredClone(target);
    moved.set(pointer, `#/components/${kind}/${name}`);
  }
  walk(doc, (object) => {
    const pointer = typeof object.$ref === 'string' ? refToPointer(object.$ref) : undefined;
    if (pointer !== undefined && moved.has(pointer)) object.$ref = moved.get(pointer);
    const mapping = object.discriminator?.mapping;
    if (!mapping || typeof mapping !== 'object') return;
    for (const [key, value] of Object.entries(mapping)) {
      let ref = typeof value === 'string' && !value.startsWith('#') && doc.components?.schemas?.[value] !== undefined ? `#/components/schemas/${value}` : value;
      const target = typeof ref === 'string' ? refToPointer(ref) : undefined;
      if (target !== undefined && moved.has(target)) ref = moved.get(target);
      const resolved = typeof ref === 'string' ? refToPointer(ref) : undefined;
      if (resolved === undefined || getAtPointer(doc, resolved) === undefined) delete mapping[key];
      else mapping[key] = ref;
    }
  });
  return doc;
}
