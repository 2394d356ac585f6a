// OpenAPI's discriminator in JSON Schema terms, for the contract harness. A `oneOf`/`anyOf` with a
// `discriminator` names its branch by the value of one property: `mapping` keys point at branch
// schemas (a `$ref` or a bare component name), and a `$ref` branch no key points at is named by
// its component name (OpenAPI 3.0.3 Discriminator Object, implicit mapping). The discriminator
// may also sit in a parent every branch extends with allOf (OpenAPI's inheritance form: `Cat`
// is `allOf: [Pet, …]` and Pet names the property); it is read from there. Prism validates with
// ajv, which does not read `discriminator`: branches told apart only by that value (same members,
// or members the other branch leaves open) all accept a body, and Prism reports 'must match
// exactly one schema in oneOf' for any body a client can send. Writing each branch's names into
// the branch as an enum on the property makes the choice the discriminator states visible to
// ajv; the sampler gives the property that value (test/support/sample-input.ts). A body naming the
// wrong branch, or one a branch refuses, still fails.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `#/components/schemas/Cat` for a mapping value `Cat` or `#/components/schemas/Cat`. */
function mappingTarget(value: string): string {
  return value.includes('/') || value.startsWith('#') ? value : `#/components/schemas/${value}`;
}

type Discriminator = { propertyName: string; mapping?: unknown };

const isDiscriminator = (value: unknown): value is Discriminator => isObject(value) && typeof value.propertyName === 'string';

/** What a local `$ref` points at in `document`. */
function resolve(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node = document;
  for (const part of ref.slice(2).split('/')) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  return node;
}

/** The discriminator of a parent that every branch extends with allOf, when they share one. */
function inheritedDiscriminator(branches: unknown[], document: unknown): Discriminator | undefined {
  let found: Discriminator | undefined;
  for (const branch of branches) {
    const target = isObject(branch) && typeof branch.$ref === 'string' ? resolve(document, branch.$ref) : undefined;
    const parents = isObject(target) && Array.isArray(target.allOf) ? target.allOf : [];
    const own = parents
      .map((parent) => (isObject(parent) && typeof parent.$ref === 'string' ? resolve(document, parent.$ref) : parent))
      .map((parent) => (isObject(parent) ? parent.discriminator : undefined))
      .find(isDiscriminator);
    if (!own || (found && found.propertyName !== own.propertyName)) return undefined;
    found ??= own;
  }
  return found;
}

/**
 * The branches of `schema`'s oneOf/anyOf, each with the discriminator values that name it as an
 * enum on the discriminator property; undefined when `schema` has no discriminator over such
 * branches, or a branch has no name (then the discriminator cannot pick it, and nothing changes).
 */
export function discriminatedBranches(schema: Json, document: unknown): { key: 'oneOf' | 'anyOf'; branches: Json[] } | undefined {
  const key = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined;
  if (!key) return undefined;
  const discriminator = isDiscriminator(schema.discriminator) ? schema.discriminator : inheritedDiscriminator(schema[key] as unknown[], document);
  if (!discriminator) return undefined;
  const property = discriminator.propertyName;
  const mapping = isObject(discriminator.mapping) ? Object.entries(discriminator.mapping).filter((entry): entry is [string, string] => typeof entry[1] === 'string') : [];
  const branches: Json[] = [];
  for (const branch of schema[key] as unknown[]) {
    const ref = isObject(branch) && typeof branch.$ref === 'string' ? branch.$ref : undefined;
    if (ref === undefined) return undefined;
    const named = mapping.filter(([, target]) => mappingTarget(target) === ref).map(([name]) => name);
    const names = named.length > 0 ? named : [decodeURIComponent(ref.slice(ref.lastIndexOf('/') + 1)).replace(/~1/g, '/').replace(/~0/g, '~')];
    branches.push({ allOf: [branch, { properties: { [property]: { enum: names } } }] });
  }
  return { key, branches };
}

/** Rewrites, in place, every schema of `document` that has a discriminator over named branches. */
export function writeDiscriminatorBranches(document: Json): void {
  // Found first, written after: a rewritten branch must not hide a parent from a later lookup.
  const found: [Json, { key: 'oneOf' | 'anyOf'; branches: Json[] }][] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    if (!isObject(node)) return;
    Object.values(node).forEach(visit);
    const rewritten = discriminatedBranches(node, document);
    if (rewritten) found.push([node, rewritten]);
  };
  visit(document);
  for (const [node, { key, branches }] of found) node[key] = branches;
}
