// Facts about the official Airwallex Node SDK, read from the installed package at test time, so
// the tests compare our effective document with what the SDK really calls rather than with a
// list we wrote ourselves.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface SdkOperation {
  /** Relative to the package's dist/api, e.g. `payouts/payoutsTransfersApi.js`. */
  file: string;
  functionName: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Path template as the SDK writes it, e.g. `/api/v1/transfers/{id}/cancel`. */
  path: string;
  queryParameters: string[];
  sendsBody: boolean;
}

export interface SdkFacts {
  packageRoot: string;
  version: string;
  operations: SdkOperation[];
  /** Occurrences of a path assignment in dist/api, counted independently of the method parser. */
  pathAssignments: number;
}

const SDK_PACKAGE = '@airwallex/node-sdk';

export function readSdkFacts(): SdkFacts {
  const packageJson = createRequire(import.meta.url).resolve(`${SDK_PACKAGE}/package.json`);
  const packageRoot = path.dirname(packageJson);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const apiRoot = path.join(packageRoot, 'dist', 'api');
  const operations: SdkOperation[] = [];
  let pathAssignments = 0;
  for (const file of apiFiles(apiRoot)) {
    const source = readFileSync(path.join(apiRoot, file), 'utf8');
    pathAssignments += source.match(/localVarPath = '/g)?.length ?? 0;
    operations.push(...parseApiClass(file, source));
  }
  operations.sort((a, b) => compare(`${a.path} ${a.method}`, `${b.path} ${b.method}`));
  return { packageRoot, version, operations, pathAssignments };
}

/** `{id}` and `{transfer_id}` name the same slot: compare templates by parameter position only. */
export function pathShape(template: string): string {
  return template.replace(/\{[^}]+\}/g, '{}');
}

export function operationKey(method: string, template: string): string {
  return `${method.toLowerCase()} ${pathShape(template)}`;
}

function apiFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js') && path.basename(name) !== 'index.js')
    .map((name) => name.split(path.sep).join('/'))
    .sort(compare);
}

// Each generated API class method is `async name(args) { … }` at four-space indent; its body holds
// one path assignment and one `apiClient.<method>(…)` call, with the body as third argument.
function parseApiClass(file: string, source: string): SdkOperation[] {
  const found: SdkOperation[] = [];
  const method = /^ {4}async (\w+)\([^)]*\)[^\n]*\{\n([\s\S]*?)\n {4}\}$/gm;
  for (const match of source.matchAll(method)) {
    const [, functionName, body] = match as unknown as [string, string, string];
    const pathMatch = /localVarPath = '([^']+)'/.exec(body);
    const call = /apiClient\.(get|post|put|patch|delete)\(localVarPath, \{[\s\S]*?\}(, \w+)?\);/.exec(body);
    if (!pathMatch || !call) throw new Error(`${SDK_PACKAGE} ${file}: cannot read method ${functionName}; has the SDK's layout changed?`);
    found.push({
      file,
      functionName,
      method: call[1] as SdkOperation['method'],
      path: pathMatch[1]!,
      queryParameters: [...new Set([...body.matchAll(/queryParams\['([^']+)'\]/g)].map((m) => m[1]!))].sort(compare),
      sendsBody: call[2] !== undefined,
    });
  }
  return found;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
