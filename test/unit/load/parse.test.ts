import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../../generator/load/parse.ts';
import { SvcgenInputError } from '../../../generator/load/errors.ts';
import { findJsonErrorOffset } from '../../../generator/load/json-error-position.ts';
import { sha256 } from './temp-project.ts';

let cacheDir: string | undefined;
afterEach(async () => {
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  cacheDir = undefined;
});

describe('parsing', () => {
  const yaml = [
    'openapi: 3.0.3',
    'info: {title: t, version: 2023-08-16}',
    'components:',
    '  schemas:',
    '    A: &shared {type: object}',
    '    B: *shared',
    '',
  ].join('\n');

  it('caches parsed YAML by sha256 and returns the same data from the cache', async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'svcgen-parse-'));
    const request = { file: 'acme/spec.yaml', text: yaml, sha256: sha256(yaml), cacheDir };
    const fresh = await parseDocument(request);
    const cached = await parseDocument(request);
    expect(fresh.fromCache).toBe(false);
    expect(cached.fromCache).toBe(true);
    expect(cached.document).toEqual(fresh.document);
    expect(await readdir(path.join(cacheDir, 'parsed'))).toHaveLength(1);
  });

  it('keeps YAML dates as strings (JSON semantics) and never shares objects between aliases', async () => {
    const { document } = await parseDocument({ file: 'acme/spec.yaml', text: yaml });
    expect(document.info.version).toBe('2023-08-16');
    expect(document.components.schemas.A).toEqual(document.components.schemas.B);
    expect(document.components.schemas.A).not.toBe(document.components.schemas.B);
  });

  it('rejects duplicate YAML keys and a non-object document with a location', async () => {
    await expect(parseDocument({ file: 'a.yaml', text: 'a: 1\na: 2\n' })).rejects.toThrow(/^a\.yaml:2:\d+: invalid YAML: duplicated mapping key/);
    const error = await parseDocument({ file: 'b.json', text: '[1, 2]' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SvcgenInputError);
    expect((error as SvcgenInputError).message).toBe('b.json:1:1: the document must be a mapping (an object) at the top level');
  });

  it('locates JSON syntax errors where V8 does not', () => {
    for (const text of ['{"a": tru}', '{"a": 1,}', '[1 2]', '{"a": "x\ny"}', '{"a": 1} x', '{"a": 01}']) {
      const message = (() => {
        try {
          JSON.parse(text);
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      const reported = /at position (\d+)/.exec(message)?.[1];
      const offset = findJsonErrorOffset(text);
      if (reported !== undefined) expect(offset, text).toBe(Number(reported));
      expect(offset, text).toBeLessThan(text.length + 1);
    }
    expect(findJsonErrorOffset('{"a": [1, 2, {"b": nul}]}')).toBe(22);
  });
});
