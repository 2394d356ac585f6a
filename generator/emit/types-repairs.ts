// Two shapes where openapi-typescript 7 writes declarations that do not compile, and what we write
// instead. Both leave every other type exactly as openapi-typescript writes it.
// - A schema that extends (allOf) a parent with a discriminator, and is not in the parent's
//   mapping, gets a discriminator property added by openapi-typescript even when it declares that
//   property itself: two members of one name (TS2300/TS2717). The schema's own declaration is kept.
// - `WithRequired<T, K extends keyof T>`, its helper for `required` keys of an allOf member, rejects
//   a member that is nullable (`keyof (X | null)` is `never`: TS2344). Ours takes the keys of the
//   non-null part; for a non-nullable member it is the same type.
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
