// The effective Airwallex document must offer every operation the official SDK calls. The vendored
// Swagger file lacks some; specs/overlays/airwallex/20-sdk-gap-operations.yaml adds them. The SDK's
// operation list is read from the installed package, so an SDK upgrade that adds calls fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadVendor } from '../../generator/load/index.ts';
import { operationKey, readSdkFacts } from './airwallex-sdk-facts.ts';
import type { SdkFacts, SdkOperation } from './airwallex-sdk-facts.ts';

type Doc = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Operations in the pinned (sha256-checked) vendored schema.json. */
const VENDORED_OPERATIONS = 371;
const GAP_OVERLAY = 'specs/overlays/airwallex/20-sdk-gap-operations.yaml';
const DEFINITIONS_OVERLAY = 'specs/overlays/airwallex/10-missing-definitions.yaml';

interface DocOperation {
  method: string;
  path: string;
  operation: Doc;
  pathItem: Doc;
}

function operationsOf(paths: Doc): DocOperation[] {
  const out: DocOperation[] = [];
  for (const [route, pathItem] of Object.entries<Doc>(paths)) {
    for (const method of METHODS) if (pathItem[method]) out.push({ method, path: route, operation: pathItem[method], pathItem });
  }
  return out;
}

function readOverlay(relative: string): Doc {
  return parse(readFileSync(path.join(process.cwd(), relative), 'utf8')) as Doc;
}

/** The operations an overlay adds: every method under a path key of a `$.paths…` update. */
function overlayOperations(overlay: Doc): DocOperation[] {
  const out: DocOperation[] = [];
  for (const action of overlay.actions as Doc[]) {
    if (action.target === '$.paths') out.push(...operationsOf(action.update));
    const single = /^\$\.paths\['([^']+)'\]$/.exec(action.target);
    if (single) out.push(...operationsOf({ [single[1]!]: action.update }));
  }
  return out;
}

const keyOf = (op: { method: string; path: string }) => operationKey(op.method, op.path);

describe('Airwallex coverage of the official SDK', () => {
  let sdk: SdkFacts;
  let document: Doc;
  let effective: Map<string, DocOperation>;
  let added: DocOperation[];
  let sdkByKey: Map<string, SdkOperation>;

  beforeAll(async () => {
    sdk = readSdkFacts();
    sdkByKey = new Map(sdk.operations.map((op) => [keyOf(op), op]));
    ({ document } = await loadVendor('airwallex', { root: process.cwd() }));
    effective = new Map(operationsOf(document.paths).map((op) => [keyOf(op), op]));
    added = overlayOperations(readOverlay(GAP_OVERLAY));
  }, 120_000);

  it('reads every operation the installed SDK declares', () => {
    expect(sdk.version).toBe('2.1.0-beta.5');
    // The method parser and a plain count of path assignments must agree, or the parser missed some.
    expect(sdk.operations.length).toBe(sdk.pathAssignments);
    expect(sdkByKey.size).toBe(sdk.operations.length);
  });

  it('has every SDK operation in the effective document', () => {
    const missing = sdk.operations.filter((op) => !effective.has(keyOf(op))).map((op) => `${op.method.toUpperCase()} ${op.path} (${op.file} ${op.functionName})`);
    expect(missing).toEqual([]);
  });

  it('adds exactly the SDK operations the vendored document lacks', () => {
    const addedKeys = new Set(added.map(keyOf));
    expect(addedKeys.size).toBe(added.length);
    // Nothing the overlay adds merges into a vendored operation (same or same-shaped path) ...
    expect(operationsOf(document.paths)).toHaveLength(VENDORED_OPERATIONS + added.length);
    expect(effective.size).toBe(VENDORED_OPERATIONS + added.length);
    // ... and everything it adds is an SDK call; with the test above, it adds all the missing ones.
    expect([...addedKeys].filter((key) => !sdkByKey.has(key))).toEqual([]);
  });

  it('marks each added operation with the SDK file that declares it', () => {
    for (const op of added) {
      const inDocument = effective.get(keyOf(op));
      const declared = sdkByKey.get(keyOf(op));
      expect(inDocument, keyOf(op)).toBeDefined();
      expect(inDocument!.operation['x-svcgen-source'], keyOf(op)).toBe(`@airwallex/node-sdk ${sdk.version} dist/api/${declared!.file}`);
    }
  });

  it('gives the added operations the SDK path template, query parameters and body', () => {
    for (const op of added) {
      const sdkOp = sdkByKey.get(keyOf(op))!;
      const { operation } = effective.get(keyOf(op))!;
      const parameters = (operation.parameters ?? []) as Doc[];
      expect(op.path, keyOf(op)).toBe(sdkOp.path);
      const pathNames = [...sdkOp.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.required]), keyOf(op)).toEqual(pathNames.map((n) => [n, true]));
      expect(parameters.filter((p) => p.in === 'query').map((p) => p.name).sort(), keyOf(op)).toEqual(sdkOp.queryParameters);
      expect(parameters.filter((p) => p.in === 'header'), keyOf(op)).toEqual([]);
      expect(operation.requestBody !== undefined, keyOf(op)).toBe(sdkOp.sendsBody);
      if (sdkOp.sendsBody) expect(Object.keys(operation.requestBody.content), keyOf(op)).toEqual(['application/json']);
      const success = Object.keys(operation.responses).filter((status) => /^2\d\d$/.test(status));
      expect(success, keyOf(op)).toHaveLength(1);
    }
  });

  it('defines the schemas the vendored document referenced but lacked', () => {
    const definitions = readOverlay(DEFINITIONS_OVERLAY);
    expect(definitions['x-svcgen-stage']).toBe('source');
    const names = Object.keys(definitions.actions[0].update as Doc);
    expect(names).toHaveLength(9);
    for (const name of names) {
      const schema = document.components.schemas[name];
      expect(schema, name).toBeDefined();
      expect(typeof schema['x-svcgen-source'], name).toBe('string');
    }
  });
});
