// Which format a spec set has after one input is replaced by a new file (svcgen update, diff
// --against, diff OLD NEW): a vendor of one file takes the file's own format, since a release may
// move to another OpenAPI version; a vendor of several files keeps the one format the lock holds
// for all of them, and a file of another format is refused naming it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSource, replaceInput } from '../../../generator/diff/sources.ts';
import type { SpecSet } from '../../../generator/diff/spec-set.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'svcgen-replace-input-'));
  writeFileSync(path.join(dir, 'v31.json'), JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '2' }, paths: {} }));
  writeFileSync(path.join(dir, 'v2.yaml'), 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n');
  writeFileSync(path.join(dir, 'v32.json'), JSON.stringify({ openapi: '3.2.0', info: { title: 't', version: '1' }, paths: {} }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const set = (count: number): SpecSet => ({
  vendor: 'acme',
  format: 'openapi-3.0',
  overlaysRoot: '/nowhere',
  files: Array.from({ length: count }, (_, i) => ({ path: `acme/part${i}.json`, bytes: Buffer.from('{}'), shown: `acme/part${i}.json` })),
});

describe('replacing an input with a file of another format', () => {
  it('reads the format the file declares', async () => {
    expect((await readSource('v31.json', dir)).format).toBe('openapi-3.1');
    expect((await readSource('v2.yaml', dir)).format).toBe('swagger-2.0');
  });

  it('gives a one-file vendor the new file\'s format', async () => {
    expect(replaceInput(set(1), 0, await readSource('v31.json', dir)).format).toBe('openapi-3.1');
    expect(replaceInput(set(1), 0, await readSource('v2.yaml', dir)).format).toBe('swagger-2.0');
  });

  it('refuses it for a vendor of several files, naming the file and its version', async () => {
    const source = await readSource('v31.json', dir);
    expect(() => replaceInput(set(3), 1, source)).toThrow("v31.json#/openapi: is openapi-3.1, but acme's other 2 input files are openapi-3.0: one vendor's files share one format");
  });

  it('refuses a file that declares no version svcgen reads, at its version', async () => {
    await expect(readSource('v32.json', dir)).rejects.toThrow('v32.json#/openapi: not an OpenAPI 2.0, 3.0 or 3.1 document (found "3.2.0")');
  });
});
