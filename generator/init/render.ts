// Renders templates/init/** (and an example's folder over it) into the project: `*.hbs` files
// through Handlebars with the project's data, others copied as they are. Template paths spell a
// leading dot as `dot-` (`dot-gitignore` → `.gitignore`), because npm pack drops or renames some
// dotfiles.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import { camelCase } from '../model/naming.ts';

const handlebars = Handlebars.create();
handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));
handlebars.registerHelper('jsonPretty', (value: unknown) => JSON.stringify(value, null, 2));
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
// Vendor names as identifiers (`tiny-a` → `tinyA`): the Worker names imports after vendors, since
// two vendors' specs may share the title other names derive from.
handlebars.registerHelper('camel', (vendor: string) => camelCase(vendor));

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
