// Handlebars templates for file skeletons; compiled once per process.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
const compiled = new Map<string, HandlebarsTemplateDelegate>();

export function renderTemplate(name: string, data: Record<string, unknown>): string {
  let template = compiled.get(name);
  if (!template) {
    template = Handlebars.compile(readFileSync(TEMPLATES + name, 'utf8'), { noEscape: false, strict: true });
    compiled.set(name, template);
  }
  return template(data);
}
