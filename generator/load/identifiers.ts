// Names the loader invents (product prefixes, operationIds) must survive camel-casing into
// unique TypeScript identifiers, so they are built from plain ASCII words.
import path from 'node:path';

/** Alphanumeric runs, also split at lower→upper case changes: `listIPPools_v2` → list, IPPools, v2. */
export function words(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])/)).filter(Boolean);
}

export function pascalCase(text: string): string {
  return words(text).map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}

/** True when camel-casing `id` yields a valid identifier (it has words and starts with a letter). */
export function isUsableIdentifier(id: string): boolean {
  const first = words(id)[0];
  return first !== undefined && /^[A-Za-z]/.test(first);
}

/** Two ids with the same key become the same name once camel-cased. */
export function identifierKey(id: string): string {
  return words(id).join('').toLowerCase();
}

/** `product` + `name`, keeping a lower-case first letter when `name` has one (`listX` → `mailListX`). */
export function prefixIdentifier(product: string, name: string): string {
  const prefix = pascalCase(product);
  if (/^[a-z]/.test(name)) return prefix[0]!.toLowerCase() + prefix.slice(1) + name[0]!.toUpperCase() + name.slice(1);
  return prefix + name;
}

/**
 * Product names of a multi-file vendor: each file's stem without the prefix and suffix that all
 * stems share (`tsg_mail_v3`, `tsg_alerts_v3`, … → `mail`, `alerts`), cut at word separators.
 */
export function productNames(files: readonly string[]): Map<string, string> {
  const stems = files.map((file) => path.basename(file, path.extname(file)));
  const products = new Map<string, string>();
  if (stems.length < 2) {
    files.forEach((file, index) => products.set(file, stems[index]!));
    return products;
  }
  let prefix = stems.reduce((common, stem) => commonPrefix(common, stem));
  prefix = prefix.slice(0, lastSeparator(prefix) + 1);
  const reversed = stems.map((stem) => [...stem].reverse().join(''));
  let suffix = [...reversed.reduce((common, stem) => commonPrefix(common, stem))].reverse().join('');
  const firstSeparator = suffix.search(/[_.\-]/);
  suffix = firstSeparator === -1 ? '' : suffix.slice(firstSeparator);
  files.forEach((file, index) => {
    const stem = stems[index]!;
    const trimmed = stem.length > prefix.length + suffix.length ? stem.slice(prefix.length, stem.length - suffix.length) : stem;
    products.set(file, trimmed);
  });
  return products;
}

function commonPrefix(a: string, b: string): string {
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  return a.slice(0, index);
}

function lastSeparator(text: string): number {
  return Math.max(text.lastIndexOf('_'), text.lastIndexOf('-'), text.lastIndexOf('.'));
}
