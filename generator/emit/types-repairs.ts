// Three shapes where openapi-typescript 7 writes declarations that do not compile, and what we
// write instead. All leave every other type exactly as openapi-typescript writes it.
// - A schema that extends (allOf) a parent with a discriminator, and is not in the parent's
//   mapping, gets a discriminator property added by openapi-typescript even when it declares that
//   property itself: two members of one name (TS2300/TS2717). The schema's own declaration is kept.
// - `WithRequired<T, K extends keyof T>`, its helper for `required` keys of an allOf member, rejects
//   a member that is nullable (`keyof (X | null)` is `never`: TS2344). Ours takes the keys of the
//   non-null part; for a non-nullable member it is the same type.
// - A schema that contains itself outside any object type (an array of itself among its
//   alternatives) is TS2502; see withSelfReferencingSchemaAliases.
import ts from 'typescript';

/** openapi-typescript's `postTransform` hook: called with the type of every schema it writes. */
export function keepOwnDiscriminatorProperty(type: ts.TypeNode): ts.TypeNode | undefined {
  const repaired = withoutDuplicateMembers(type, 2);
  return repaired === type ? undefined : repaired;
}

/** The injected discriminator property comes first; a later member of the same name is the schema's own. */
function withoutDuplicateMembers(type: ts.TypeNode, depth: number): ts.TypeNode {
  if (ts.isTypeLiteralNode(type)) {
    const names = type.members.map(memberName);
    if (new Set(names.filter((name) => name !== undefined)).size === names.filter((name) => name !== undefined).length) return type;
    const members = type.members.filter((member, index) => {
      const name = names[index];
      return name === undefined || names.indexOf(name, index + 1) === -1;
    });
    return ts.factory.updateTypeLiteralNode(type, ts.factory.createNodeArray(members));
  }
  if (depth === 0) return type;
  if (ts.isIntersectionTypeNode(type) || ts.isUnionTypeNode(type)) {
    const types = type.types.map((member) => withoutDuplicateMembers(member, depth - 1));
    if (types.every((member, index) => member === type.types[index])) return type;
    return ts.isIntersectionTypeNode(type)
      ? ts.factory.updateIntersectionTypeNode(type, ts.factory.createNodeArray(types))
      : ts.factory.updateUnionTypeNode(type, ts.factory.createNodeArray(types));
  }
  if (ts.isParenthesizedTypeNode(type)) {
    const inner = withoutDuplicateMembers(type.type, depth);
    return inner === type.type ? type : ts.factory.updateParenthesizedType(type, inner);
  }
  return type;
}

function memberName(member: ts.TypeElement): string | undefined {
  if (!ts.isPropertySignature(member)) return undefined;
  const name = member.name;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

const WITH_REQUIRED = 'WithRequired';
const NULL_TOLERANT_WITH_REQUIRED = `type ${WITH_REQUIRED}<T, K extends keyof NonNullable<T>> = T & { [P in K]-?: NonNullable<T>[P] };`;

/** openapi-typescript's top-level output with its WithRequired helper replaced by ours. */
export function withNullTolerantHelpers(nodes: ts.Node[]): ts.Node[] {
  const index = nodes.findIndex((node) => ts.isTypeAliasDeclaration(node) && node.name.text === WITH_REQUIRED);
  if (index === -1) return nodes;
  const source = ts.createSourceFile('helper.ts', NULL_TOLERANT_WITH_REQUIRED, ts.ScriptTarget.ESNext, false, ts.ScriptKind.TS);
  const copy = [...nodes];
  copy[index] = source.statements[0]!;
  return copy;
}

const RECURSIVE_PREFIX = 'Recursive';

/**
 * openapi-typescript writes a schema that contains itself outside any object type (a JSON-value
 * schema, `string | components["schemas"]["Json"][]`) as a member of `components` that reads
 * itself through an indexed access, which TypeScript resolves eagerly: TS2502, and the whole file
 * fails. A type alias may refer to itself inside an array, so such a schema's type becomes a
 * module-private alias that names itself there, and its member names the alias: the same type,
 * written so tsc accepts it. Only schemas that meet TS2502 this way change: a self-reference
 * reached through unions, intersections, arrays and tuples (not through an object type's members,
 * which tsc defers), inside an array or tuple. References through other schemas (A in B[], B in
 * A[]) are not rewritten.
 */
export function withSelfReferencingSchemaAliases(nodes: ts.Node[]): ts.Node[] {
  const index = nodes.findIndex((node) => ts.isInterfaceDeclaration(node) && node.name.text === 'components');
  if (index === -1) return nodes;
  const components = nodes[index] as ts.InterfaceDeclaration;
  const holder = components.members.find(
    (member): member is ts.PropertySignature & { type: ts.TypeLiteralNode } =>
      ts.isPropertySignature(member) && memberName(member) === 'schemas' && member.type !== undefined && ts.isTypeLiteralNode(member.type),
  );
  if (holder === undefined) return nodes;

  const taken = new Set(nodes.flatMap((node) => (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) ? [node.name.text] : [])));
  const aliases: ts.TypeAliasDeclaration[] = [];
  const members = holder.type.members.map((member) => {
    const name = memberName(member);
    if (!ts.isPropertySignature(member) || member.type === undefined || name === undefined) return member;
    const alias = aliasName(name, taken);
    const body = replaceEagerSelfReferences(member.type, name, alias);
    if (body === member.type) return member;
    taken.add(alias);
    aliases.push(ts.factory.createTypeAliasDeclaration(undefined, alias, undefined, body));
    return ts.factory.updatePropertySignature(member, member.modifiers, member.name, member.questionToken, ts.factory.createTypeReferenceNode(alias));
  });
  if (aliases.length === 0) return nodes;

  const schemas = ts.factory.updatePropertySignature(holder, holder.modifiers, holder.name, holder.questionToken, ts.factory.updateTypeLiteralNode(holder.type, ts.factory.createNodeArray(members)));
  const updated = ts.factory.updateInterfaceDeclaration(
    components, components.modifiers, components.name, components.typeParameters, components.heritageClauses,
    components.members.map((member) => (member === holder ? schemas : member)),
  );
  const copy = [...nodes];
  copy.splice(index, 1, updated, ...aliases);
  return copy;
}

/** A valid identifier, distinct from the file's top-level names and from TypeScript's globals. */
function aliasName(schema: string, taken: ReadonlySet<string>): string {
  const base = RECURSIVE_PREFIX + schema.replace(/[^A-Za-z0-9_$]/g, '_');
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

/**
 * `type` with each `components["schemas"][schema]` that tsc resolves eagerly replaced by `alias`;
 * `type` itself when there is none, or when one is not inside an array or tuple (the schema is
 * then itself, with no value to end the recursion: `allOf: [self]`, left for tsc to report).
 */
function replaceEagerSelfReferences(type: ts.TypeNode, schema: string, alias: string): ts.TypeNode {
  // Almost no schema has such a reference: a read-only walk first, so the common case allocates no
  // transformation context (one per schema was measurable in peak memory on the largest specs).
  if (!hasEagerSelfReference(type, schema)) return type;
  let unbounded = false;
  const replace: ts.TransformerFactory<ts.TypeNode> = (context) => (root) => {
    const visit = (node: ts.Node, inList: boolean): ts.Node => {
      if (ts.isIndexedAccessTypeNode(node)) {
        if (!isSchemaReference(node, schema)) return node;
        if (!inList) unbounded = true;
        return ts.factory.createTypeReferenceNode(alias);
      }
      const list = ts.isArrayTypeNode(node) || ts.isTupleTypeNode(node);
      return isTransparent(node) ? ts.visitEachChild(node, (child) => visit(child, inList || list), context) : node;
    };
    return visit(root, false) as ts.TypeNode;
  };
  const result = ts.transform(type, [replace]);
  const replaced = result.transformed[0]!;
  result.dispose();
  return unbounded ? type : replaced;
}

/** Nodes tsc sees through when it resolves a type eagerly (not an object type's members). */
function isTransparent(node: ts.Node): boolean {
  return ts.isArrayTypeNode(node) || ts.isTupleTypeNode(node) || ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node) || ts.isParenthesizedTypeNode(node)
    || ts.isNamedTupleMember(node) || ts.isRestTypeNode(node) || ts.isOptionalTypeNode(node) || ts.isTypeOperatorNode(node);
}

/** Whether `type` reaches `components["schemas"][schema]` through transparent nodes only. */
function hasEagerSelfReference(type: ts.Node, schema: string): boolean {
  if (ts.isIndexedAccessTypeNode(type)) return isSchemaReference(type, schema);
  return isTransparent(type) && ts.forEachChild(type, (child) => hasEagerSelfReference(child, schema) || undefined) === true;
}

/** `components["schemas"]["<schema>"]`, as openapi-typescript writes a schema `$ref`. */
function isSchemaReference(node: ts.IndexedAccessTypeNode, schema: string): boolean {
  const outer = node.objectType;
  return literalText(node.indexType) === schema
    && ts.isIndexedAccessTypeNode(outer)
    && literalText(outer.indexType) === 'schemas'
    && ts.isTypeReferenceNode(outer.objectType)
    && ts.isIdentifier(outer.objectType.typeName)
    && outer.objectType.typeName.text === 'components';
}

function literalText(node: ts.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) ? node.literal.text : undefined;
}
