// Reads and validates svcgen.config.ts (or .js/.mjs/.json). A missing default config is fine;
// a missing explicit one, a broken one or an unknown vendor is a bad-input error. The manifest
// records the hash of the config it was generated with: an unchanged config was validated then,
// so an up-to-date run skips loading the validator (zod), a tenth of its start-up.
import { existsSync, readFileSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SvcgenInputError } from '../load/errors.ts';
import { escapePointerSegment, toPointer } from '../json-pointer.ts';
import { describeUnknownKey, firstUnknownKey } from '../unknown-keys.ts';
import { createHash } from 'node:crypto';
import type { SvcgenConfig } from './schema.ts';

export const DEFAULT_CONFIG = 'svcgen.config.ts';

export interface LoadedConfig {
  config: SvcgenConfig;
  file?: string;
  /** sha256 of the config's JSON form. */
  hash: string;
}

/**
 * The config, validated unless `trusted(hash)` says this exact config was validated before.
 * `out` is read before validation so the caller can find the previous manifest.
 */
export async function loadConfig(
  root: string,
  explicit?: string,
  trusted: (hash: string, raw: { out?: unknown }) => boolean = () => false,
): Promise<LoadedConfig> {
  const file = resolve(root, explicit ?? DEFAULT_CONFIG);
  const shown = relative(root, file) || file;
  if (!existsSync(file)) {
    if (explicit) throw new SvcgenInputError({ file: shown }, 'config file not found');
    return { config: {}, hash: hashOf({}) };
  }
  let raw: unknown;
  try {
    raw =
      extname(file) === '.json'
        ? JSON.parse(readFileSync(file, 'utf8'))
        : ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (err) {
    throw new SvcgenInputError({ file: shown }, `cannot load config: ${(err as Error).message}`);
  }
  const hash = hashOf(raw);
  if (raw && typeof raw === 'object' && trusted(hash, raw as { out?: unknown })) return { config: raw as SvcgenConfig, file: shown, hash };
  const { configSchema } = await import('./schema.ts');
  const unknown = firstUnknownKey(configSchema, raw, []);
  if (unknown) {
    const pointer = toPointer([...unknown.path, unknown.key]);
    // A JSON config's text gives the line; a module config is only known by its exported value.
    // Loaded here only: it parses with the `yaml` package, which every other load would pay for.
    const position = extname(file) === '.json' ? (await import('../load/pointer-position.ts')).positionOfPointer(readFileSync(file, 'utf8'), pointer) : undefined;
    throw new SvcgenInputError({ file: shown, pointer, ...position }, describeUnknownKey(unknown, 'the config'));
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const pointer = issue.path.map((p) => '/' + String(p)).join('');
    throw new SvcgenInputError({ file: shown, pointer }, `invalid config: ${issue.message}`);
  }
  return { config: parsed.data, file: shown, hash };
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value) ?? 'undefined').digest('hex');
}

/**
 * Every vendor named in `config.vendors` is pinned in specs/lock.json. `source` is where the names
 * came from: the config file (errors point into it) or a command-line flag such as `--vendor`
 * (errors repeat the flag and the name as typed).
 */
export function checkVendors(config: SvcgenConfig, known: string[], source: string | undefined): void {
  for (const name of Object.keys(config.vendors ?? {})) {
    if (known.includes(name)) continue;
    const knownList = `known: ${known.join(', ') || 'none'}`;
    if (source?.startsWith('--')) {
      throw new SvcgenInputError({ file: `${source} ${name}` }, `no such vendor in specs/lock.json (${knownList})`);
    }
    throw new SvcgenInputError(
      { file: source ?? DEFAULT_CONFIG, pointer: `/vendors/${escapePointerSegment(name)}` },
      `unknown vendor '${name}': not in specs/lock.json (${knownList})`,
    );
  }
}
