// The Prism 5.16 fixes every Prism run of ours loads (`node --import` into Prism's process), each
// pinned by a test showing plain Prism gets the case wrong: prism-quirks.test.ts (deepObject) and
// test/unit/encoding/multipart-encoding.test.ts (multipart parts by their own headers).
export const PRISM_FIXES: readonly string[] = ['test/contract/prism-deep-object.ts', 'test/contract/prism-multipart.ts'];
