// Renders templates/init/** (and an example's folder over it) into the project: `*.hbs` files
// through Handlebars with the project's data, others copied as they are. Template paths spell a
// leading dot as `dot-` (`dot-gitignore` → `.gitignore`), because npm pack drops or renames some
// dotfiles.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';

const handlebars = Handlebars.create();
handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));
handlebars.registerHelper('jsonPretty', (value: unknown) => JSON.stringify(value, null, 2));
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
handlebars.registerHelper('camel', (vendor: string) => camelCase(vendor));

/**
 * A vendor name (`tiny-a`, lower-case words joined by `-`) as an identifier (`tinyA`): the Worker's
 * imports are named after vendors, since two vendors' specs may share the title names derive from.
 */
export function camelCase(vendor: string): string {
  return vendor.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

function target(rel: string): string {
  return rel
    .split(sep)
    .map((part) => (part.startsWith('dot-') ? `.${part.slice(4)}` : part))
    .join('/')
    .replace(/\.hbs$/, '');
}

/** Renders every file under `templateDir` except the subfolders in `skip`; returns the written paths. */
export function renderTree(templateDir: string, outDir: string, data: Record<string, unknown>, skip: string[] = []): string[] {
  const written: string[] = [];
  for (const file of walk(templateDir)) {
    const rel = relative(templateDir, file);
    if (skip.some((s) => rel === s || rel.startsWith(s + sep))) continue;
    const out = join(outDir, target(rel));
    mkdirSync(dirname(out), { recursive: true });
    const text = readFileSync(file, 'utf8');
    writeFileSync(out, file.endsWith('.hbs') ? handlebars.compile(text, { noEscape: true, strict: false })(data) : text);
    written.push(target(rel));
  }
  return written;
}
