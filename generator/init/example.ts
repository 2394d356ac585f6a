// An example (templates/init/examples/<name>/) is a folder rendered over the project plus an
// example.json: which vendors it needs, the routes and webhook handlers it adds per vendor, extra
// sample fields for those vendors' webhook fixtures, and the handler bodies it fills in once, when
// init creates the routes files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SvcgenInputError } from '../load/index.ts';

export interface ExampleVendor {
  operations?: string[];
  events?: string[];
  /** Extra fields of a sample event, by event name then dotted path. */
  sample?: Record<string, Record<string, unknown>>;
  /** Import lines the handler bodies need, added after the file's last import. */
  imports?: string[];
  /** Handler body, by event name (statements; `event` is the typed event). */
  handlers?: Record<string, string>;
}

export interface Example {
  name: string;
  dir: string;
  requires: string[];
  vendors: Record<string, ExampleVendor>;
}

export function loadExample(templates: string, name: string, chosen: string[]): Example {
  const dir = join(templates, 'examples', name);
  const file = join(dir, 'example.json');
  if (!existsSync(file)) throw new Error(`svcgen init: the ${name} example is missing from ${dir}`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as Omit<Example, 'name' | 'dir'>;
  const missing = data.requires.filter((v) => !chosen.includes(v));
  if (missing.length) throw new SvcgenInputError({ file: '--example' }, `the ${name} example needs --vendors to include ${missing.join(', ')}`);
  return { name, dir, ...data };
}

/** Replaces the scaffold's stub body of `event`'s handler with `body`. */
export function fillHandler(text: string, event: string, body: string, file: string): string {
  const quoted = event.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(^(\\s*)'${quoted}': async \\(event\\) => \\{\\n)[\\s\\S]*?\\n(\\2\\},)`, 'm');
  const match = pattern.exec(text);
  if (!match) throw new Error(`svcgen init: no scaffolded handler for '${event}' in ${file}`);
  const indent = match[2]! + '  ';
  const lines = body.split('\n').map((line) => (line ? indent + line : line)).join('\n');
  return text.replace(pattern, (_all, head: string, _indent: string, tail: string) => `${head}${lines}\n${tail}`);
}

