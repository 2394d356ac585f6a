// What a one-off `generate --spec` changed or chose on the way from the spec to the client. A
// project run records these in generated/manifest.json; a one-off run writes no manifest, so it
// says each one on stderr instead (and `--json` carries the renames and omissions).
import type { VendorManifest } from '../write/manifest.ts';

type Listed = Pick<VendorManifest, 'fixes' | 'renamed' | 'componentRenames' | 'omittedOperations' | 'bracketedQueryParameters' | 'unresolvedOperationServers' | 'translatedPatterns' | 'uncheckedPatterns'>;

/**
 * The stderr text for `manifest`'s listings, one section per non-empty listing. `typed` maps a
 * lock path of the temporary project to the file or URL the user typed.
 */
export function oneOffListings(manifest: Listed, typed: (lockPath: string) => string): string {
  const sections: [string, string[]][] = [
    // Repairs change the vendor's contract a little.
    ['repaired in the spec', manifest.fixes.map((fix) => `${typed(fix.file)}#${fix.pointer}: ${fix.fix}`)],
    // A renamed operation is called by a name the spec does not give it.
    ['operations renamed so that each has a name of its own', manifest.renamed.map((r) => `${r.operation}: ${r.from || '(no operationId)'} → ${r.to} (${r.reason})`)],
    ['components renamed', manifest.componentRenames.map((r) => `${typed(r.file)}: ${r.from} → ${r.to}`)],
    // An operation of the spec that has no function at all (model/unsendable.ts).
    ['operations left out of the client: fetch cannot send their method', manifest.omittedOperations],
    // A wire form the spec leaves open and svcgen chose (model/bracketed-query.ts).
    ['query parameters whose nested values OpenAPI gives no wire form, sent in bracket notation', manifest.bracketedQueryParameters],
    // Servers the client cannot use (model/operation-servers.ts).
    ["operations whose own server is not an absolute http(s) URL once its variables take their defaults, sent to the client's server instead", manifest.unresolvedOperationServers],
    // What the opt-in validators check of a pattern in another dialect (emit/zod/pattern-dialect.ts).
    ['patterns in another regular-expression dialect, checked by the validators as rewritten', manifest.translatedPatterns.map((p) => `${JSON.stringify(p.from)} → ${p.to}`)],
    ['patterns the validators do not check', manifest.uncheckedPatterns.map((p) => `${JSON.stringify(p.pattern)} (${p.reason})`)],
  ];
  return sections
    .filter(([, entries]) => entries.length)
    .map(([title, entries]) => `${title} (${entries.length}):\n${entries.map((entry) => `  ${entry}\n`).join('')}`)
    .join('');
}
