// Adds a vendor to the `vendors` object of svcgen.config.ts (the object passed to defineConfig or
// exported as default) with ts-morph, so the user's formatting and comments elsewhere survive.
// A config without `vendors` generates every vendor in the lock already and is left alone.
import { Node, Project, SyntaxKind, type ObjectLiteralExpression } from 'ts-morph';
import { SvcgenInputError } from '../load/errors.ts';

/** The new text of the config, or undefined when it needs no change. */
export function addVendorToConfig(text: string, file: string, vendor: string): string | undefined {
  if (file.endsWith('.json')) {
    const config = JSON.parse(text) as { vendors?: Record<string, unknown> };
    if (!config.vendors || vendor in config.vendors) return undefined;
    config.vendors[vendor] = {};
    return JSON.stringify(config, null, 2) + '\n';
  }
  const project = new Project({ useInMemoryFileSystem: true });
  const source = project.createSourceFile('config.ts', text);
  const root = configObject(source.getDefaultExportSymbol()?.getDeclarations()[0]);
  if (!root) throw new SvcgenInputError({ file }, 'cannot find the config object (a default export of an object literal or defineConfig({...})) to add the vendor to; add it to `vendors` by hand');
  const vendors = root.getProperty('vendors');
  if (!vendors) return undefined;
  const value = Node.isPropertyAssignment(vendors) ? vendors.getInitializer() : undefined;
  if (!value || !Node.isObjectLiteralExpression(value)) throw new SvcgenInputError({ file }, '`vendors` is not an object literal; add the vendor to it by hand');
  const names = value.getProperties().map((p) => (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p) ? p.getName().replace(/^['"]|['"]$/g, '') : ''));
  if (names.includes(vendor)) return undefined;
  const key = /^[A-Za-z_$][\w$]*$/.test(vendor) ? vendor : `'${vendor}'`;
  // A text insertion after the last property, in its indentation, keeps the rest byte for byte.
  const last = value.getProperties().at(-1);
  if (!last) return text.slice(0, value.getStart()) + `{ ${key}: {} }` + text.slice(value.getEnd());
  const lineStart = text.lastIndexOf('\n', last.getStart()) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const comma = last.getNextSibling()?.getKind() === SyntaxKind.CommaToken ? last.getNextSibling()! : undefined;
  if (comma) return text.slice(0, comma.getEnd()) + `\n${indent}${key}: {},` + text.slice(comma.getEnd());
  return text.slice(0, last.getEnd()) + `,\n${indent}${key}: {}` + text.slice(last.getEnd());
}

function configObject(declaration: Node | undefined): ObjectLiteralExpression | undefined {
  let node: Node | undefined = declaration;
  if (node && Node.isExportAssignment(node)) node = node.getExpression();
  for (let hops = 0; node && hops < 4; hops++) {
    if (Node.isObjectLiteralExpression(node)) return node;
    if (Node.isCallExpression(node)) node = node.getArguments()[0];
    else if (Node.isAsExpression(node) || Node.isSatisfiesExpression(node) || Node.isParenthesizedExpression(node)) node = node.getExpression();
    else if (Node.isIdentifier(node)) node = node.getDefinitionNodes()[0]?.getFirstChildByKind(SyntaxKind.ObjectLiteralExpression) ?? node.getDefinitionNodes()[0]?.getFirstChildByKind(SyntaxKind.CallExpression);
    else return undefined;
  }
  return undefined;
}
