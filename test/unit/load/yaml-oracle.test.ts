// How svcgen reads YAML (js-yaml with its core schema, then a JSON round trip: parse.ts) against an
// independent reader, the `yaml` package with its YAML 1.2 core schema, on real documents nobody
// here wrote: every YAML document of @readme/oas-examples and every YAML file the project's lock
// pins (read from the spec mirror; skipped without it, except under CI=true). Both readers must give
// the same JSON. What that catches on these documents: a reader that types scalars otherwise
// (js-yaml's failsafe schema, every scalar a string, fails 45 of them). What it does not: none of
// them has an unquoted date or a YAML 1.1 boolean, so js-yaml's default and JSON schemas read them
// alike too; parse.test.ts holds dates to JSON semantics on a hand-made document.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDocument } from '../../../generator/load/parse.ts';
import type { Lock } from '../../../generator/load/index.ts';
import { PROJECT_ROOT, REPO_ROOT } from '../../support/project.ts';

const EXAMPLES = path.join(REPO_ROOT, 'node_modules', '@readme', 'oas-examples');
const MIRROR = path.resolve(PROJECT_ROOT, process.env.SVCGEN_SPEC_MIRROR ?? '../shared/specs');
const LOCK = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'specs', 'lock.json'), 'utf8')) as Lock;

const isYaml = (file: string) => /\.ya?ml$/i.test(file);

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(isYaml)
    .map((file) => path.join(dir, file))
    .sort();
}

/** The other reader's JSON: what JSON.stringify makes of its result, as for svcgen's. */
function oracle(text: string): unknown {
  return JSON.parse(JSON.stringify(parse(text, { schema: 'core', uniqueKeys: true, maxAliasCount: -1 })));
}

async function ours(file: string, text: string): Promise<unknown> {
  return (await parseDocument({ file, text, format: 'yaml' })).document;
}

describe('YAML reading against the yaml package, @readme/oas-examples', () => {
  const files = yamlFilesUnder(EXAMPLES);

  it('finds the YAML documents', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [path.relative(EXAMPLES, file), file]))('%s reads as the yaml package reads it', async (name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(await ours(name, text)).toEqual(oracle(text));
  });
});

const pinned = Object.values(LOCK.vendors)
  .flatMap((vendor) => vendor.files.map((file) => file.path))
  .filter(isYaml)
  .sort();
const missing = pinned.filter((file) => !existsSync(path.join(MIRROR, file)));

describe.skipIf(missing.length > 0 && process.env.CI !== 'true')('YAML reading against the yaml package, pinned spec files', () => {
  it('has every pinned YAML file in the mirror', () => {
    expect(missing).toEqual([]);
  });

  it.each(pinned)('%s reads as the yaml package reads it', async (file) => {
    const text = readFileSync(path.join(MIRROR, file), 'utf8');
    expect(await ours(file, text)).toEqual(oracle(text));
  }, 60_000);
});
