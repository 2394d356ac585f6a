// The path an operation's metadata hands to openapi-fetch, which appends the query string to it.
// OpenAPI builds the URL by appending the path key to the server URL, so a '#' in a path key
// starts a fragment: some converted specs tell apart operations on one path that way
// (`/PutRecords#streamArn`, `/PutRecords#tableArn`). A client never sends a fragment, and left in
// place it would swallow the query string appended after it (`/PutRecords#streamArn?streamArn=…`
// goes out as `/PutRecords`, without its required parameter). So the request path is the key up
// to its first '#' outside a `{name}` template. A key may also carry a constant query string
// (`/worker?cmd=checkconstraints`); openapi-fetch appends its own '?' and the parameters after the
// path, so left in the path it made `?cmd=checkconstraints?project=…`, the parameters swallowed
// into cmd's value: the request path stops at the '?' too, and keyQuery is sent ahead of the
// parameters (runtime/encoding/query.ts styledQueryAfter).
const TEMPLATE_OR_TEXT = /\{[^{}]*\}|[^{#?]+|\{|#|\?/g;

/** The key up to its first '?' or '#' outside a `{name}` template, and the query text between. */
function splitKey(specPath: string): { path: string; query: string } {
  let path = '';
  let query: string | undefined;
  for (const [part] of specPath.matchAll(TEMPLATE_OR_TEXT)) {
    if (part === '#') break;
    if (query !== undefined) query += part;
    else if (part === '?') query = '';
    else path += part;
  }
  return { path, query: query ?? '' };
}

export function requestPath(specPath: string): string {
  return splitKey(specPath).path;
}

/** The constant query string a path key carries (`cmd=checkconstraints`), '' when none. */
export function keyQuery(specPath: string): string {
  return splitKey(specPath).query;
}
