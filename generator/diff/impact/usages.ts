// Where a project uses the generated code of a vendor: imported operation functions (each call or
// reference, with the lines of the enclosing call), `components['schemas'][…]` and
// `operations['…']` type lookups, and string literals naming a webhook event, in the files that
// import from the vendor's generated folder. Read with ts-morph, without type information.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Node, Project, SyntaxKind, type SourceFile } from 'ts-morph';

export interface Site {
  file: string;
  line: number;
  /** Last line of the enclosing call, so an error reported on an argument maps back to the call. */
  endLine: number;
  name: string;
}

export interface VendorUses {
  functions: Map<string, Site[]>;
  schemas: Map<string, Site[]>;
  operationIds: Map<string, Site[]>;
  literals: Map<string, Site[]>;
}

const SKIP = /(^|[\\/])(node_modules|dist|\.git|\.svcgen-cache)([\\/]|$)/;

export function projectSources(project: string, outDir: string): SourceFile[] {
  const tsconfig = path.join(project, 'tsconfig.json');
  const generated = path.resolve(project, outDir);
  const ts = existsSync(tsconfig)
    ? new Project({ tsConfigFilePath: tsconfig, skipFileDependencyResolution: true })
    : new Project({ skipFileDependencyResolution: true });
  if (!existsSync(tsconfig)) ts.addSourceFilesAtPaths([path.join(project, '**/*.{ts,tsx,mts,cts}'), `!${path.join(project, '**/node_modules/**')}`]);
  return ts.getSourceFiles().filter((file) => {
    const name = file.getFilePath();
    return !file.isDeclarationFile() && !SKIP.test(path.relative(project, name)) && !name.startsWith(generated + path.sep);
  });
}

function push(map: Map<string, Site[]>, key: string, site: Site): void {
  const list = map.get(key);
  if (list) list.push(site);
  else map.set(key, [site]);
}

function importsVendor(file: SourceFile, vendorDir: string, outDir: string, vendor: string): boolean {
  return file.getImportDeclarations().some((decl) => {
    const spec = decl.getModuleSpecifierValue();
    if (spec.startsWith('.')) {
      const target = path.resolve(path.dirname(file.getFilePath()), spec);
      return target === vendorDir || target.startsWith(vendorDir + path.sep);
    }
    return new RegExp(`(^|/)${outDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${vendor}(/|$)`).test(spec);
  });
}

export function findUses(files: SourceFile[], project: string, outDir: string, vendor: string, functionNames: Set<string>, eventNames: Set<string>): VendorUses {
  const uses: VendorUses = { functions: new Map(), schemas: new Map(), operationIds: new Map(), literals: new Map() };
  const vendorDir = path.resolve(project, outDir, vendor);
  for (const file of files) {
    if (!importsVendor(file, vendorDir, outDir, vendor)) continue;
    const rel = path.relative(project, file.getFilePath());
    const site = (node: Node, name: string): Site => {
      const call = node.getFirstAncestorByKind(SyntaxKind.CallExpression) ?? node;
      return { file: rel, line: node.getStartLineNumber(), endLine: call.getEndLineNumber(), name };
    };
    const imported = new Map<string, string>();
    for (const decl of file.getImportDeclarations()) {
      for (const named of decl.getNamedImports()) {
        const name = named.getName();
        if (functionNames.has(name)) imported.set(named.getAliasNode()?.getText() ?? name, name);
      }
    }
    for (const id of file.getDescendantsOfKind(SyntaxKind.Identifier)) {
      const original = imported.get(id.getText());
      if (!original || id.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)) continue;
      push(uses.functions, original, site(id, original));
    }
    for (const access of file.getDescendantsOfKind(SyntaxKind.IndexedAccessType)) {
      const index = access.getIndexTypeNode();
      const object = access.getObjectTypeNode();
      if (!Node.isLiteralTypeNode(index)) continue;
      const key = index.getLiteral().getText().slice(1, -1);
      const objectText = object.getText().replace(/\s+/g, '');
      if (/^components\[['"]schemas['"]\]$/.test(objectText)) push(uses.schemas, key, site(access, `components['schemas']['${key}']`));
      else if (objectText === 'operations') push(uses.operationIds, key, site(access, `operations['${key}']`));
    }
    for (const literal of file.getDescendantsOfKind(SyntaxKind.StringLiteral)) {
      const value = literal.getLiteralValue();
      if (eventNames.has(value) && !literal.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)) push(uses.literals, value, site(literal, `'${value}'`));
    }
  }
  return uses;
}
