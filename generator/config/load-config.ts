// Reads and validates svcgen.config.ts (or .js/.mjs/.json). A missing default config is fine;
// a missing explicit one, a broken one or an unknown vendor is a bad-input error.
import { existsSync, readFileSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SvcgenInputError } from '../load/errors.ts';
import { configSchema, type SvcgenConfig } from './schema.ts';

export const DEFAULT_CONFIG = 'svcgen.config.ts';

export async function loadConfig(root: string, explicit?: string): Promise<{ config: SvcgenConfig; file?: string }> {
  const file = resolve(root, explicit ?? DEFAULT_CONFIG);
  const shown = relative(root, file) || file;
  if (!existsSync(file)) {
    if (explicit) throw new SvcgenInputError({ file: shown }, 'config file not found');
    return { config: {} };
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
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const pointer = issue.path.map((p) => '/' + String(p)).join('');
    throw new SvcgenInputError({ file: shown, pointer }, `invalid config: ${issue.message}`);
  }
  return { config: parsed.data, file: shown };
}

export function checkVendors(config: SvcgenConfig, known: string[], file: string | undefined): void {
  for (const name of Object.keys(config.vendors ?? {})) {
    if (!known.includes(name)) {
      throw new SvcgenInputError(
        { file: file ?? DEFAULT_CONFIG, pointer: `/vendors/${name}` },
        `unknown vendor '${name}' (specs/lock.json pins: ${known.join(', ')})`,
      );
    }
  }
}
