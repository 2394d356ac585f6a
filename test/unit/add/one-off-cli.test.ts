// `svcgen generate --spec FILE --vendor NAME --out DIR` through the real CLI process: a spec with no
// lock entry generates into DIR/NAME and prints the pin `svcgen add` would write; bad input exits 2
// with the file and its pointer or line, no stack trace, and leaves DIR as it was.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, 'bin/svcgen.js');
const SPEC = path.join(ROOT, 'test/fixtures/add/acme-pay.json');
const work = mkdtempSync(path.join(os.tmpdir(), 'svcgen-one-off-'));

function svcgen(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: work }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('svcgen generate --spec (one-off)', { timeout: 120_000 }, () => {
  it('generates into --out/NAME with no lock entry and prints the pin', async () => {
    const out = path.join(work, 'out');
    const result = await svcgen(['generate', '--spec', SPEC, '--vendor', 'acme-pay', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(out, 'acme-pay')).sort()).toEqual(['client.ts', 'index.ts', 'operations.d.ts', 'operations.js', 'schemas.d.ts', 'schemas.js', 'types.d.ts']);
    const pin = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
    expect(pin['acme-pay'].files[0]).toMatchObject({ path: 'acme-pay/acme-pay.json', sha256: createHash('sha256').update(readFileSync(SPEC)).digest('hex'), role: 'input' });
  });

  it.each([
    ['a file that is not JSON', 'broken.json', '{"openapi": "3.0.3",\n  "info": oops }', /broken\.json:2:\d+/],
    ['an operation without responses (3.0)', 'no-responses.json', JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: {} } } }), /no-responses\.json#\/paths\/~1a\/get: GET \/a has no responses/],
    ['a document that is not OpenAPI', 'not-openapi.json', JSON.stringify({ asyncapi: '2.0.0' }), /not-openapi\.json#\/openapi: not an OpenAPI 2\.0, 3\.0 or 3\.1 document/],
    ['a dangling $ref', 'dangling.json', JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { 200: { $ref: '#/components/responses/Nope' } } } } } }), /dangling\.json#\/paths\/~1a\/get\/responses\/200/],
  ])('%s: exit 2, file and place named, no stack, output untouched', async (_label, name, text, message) => {
    writeFileSync(path.join(work, name), text);
    const out = path.join(work, 'kept');
    mkdirSync(path.join(out, 'other'), { recursive: true });
    writeFileSync(path.join(out, 'other', 'mine.txt'), 'mine');
    const result = await svcgen(['generate', '--spec', name, '--vendor', 'trial', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual(['other']);
    expect(readFileSync(path.join(out, 'other', 'mine.txt'), 'utf8')).toBe('mine');
  });

  it('exits 2 naming the flag when --vendor or --out is missing', async () => {
    const noVendor = await svcgen(['generate', '--spec', SPEC, '--out', 'x']);
    expect(noVendor.code).toBe(2);
    expect(noVendor.stderr).toContain('--vendor: with --spec, give exactly one --vendor NAME');
    const noOut = await svcgen(['generate', '--spec', SPEC, '--vendor', 'acme']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out: with --spec, give --out DIR');
  });
});
