// The Prism 5.16 fixes every Prism run of ours loads (`node --import` into Prism's process), each
// pinned by a test showing plain Prism gets the case wrong: prism-quirks.test.ts (deepObject),
// test/unit/encoding/multipart-encoding.test.ts (multipart parts by their own headers) and
// test/unit/contract/prism-text-json.test.ts and prism-yaml.test.ts (text/json and YAML bodies
// parsed, prism-text-documents.ts), test/unit/contract/prism-param-text.test.ts (an optional array or
// object header left out, a comma in a path value, or an object-typed delimited query parameter
// kills plain Prism), test/unit/contract/prism-path-match.test.ts (a templated path segment matches
// only a whole request segment; a path Prism could not read no longer kills it),
// test/unit/contract/prism-path-literals.test.ts (path values read from a path whose key has a
// literal a URL sends percent-encoded).
import { fileURLToPath } from 'node:url';

// Absolute, so a harness rooted in a throw-away project (the corpus Prism stage) finds them too.
export const PRISM_FIXES: readonly string[] = ['prism-deep-object.ts', 'prism-multipart.ts', 'prism-text-documents.ts', 'prism-param-text.ts', 'prism-empty-params.ts', 'prism-example-paths.ts', 'prism-path-match.ts', 'prism-path-literals.ts'].map((file) => fileURLToPath(new URL(file, import.meta.url)));
