// The path an operation's metadata hands to openapi-fetch, which appends the query string to it.
// OpenAPI builds the URL by appending the path key to the server URL, so a '#' in a path key
// starts a fragment: some converted specs tell apart operations on one path that way
// (`/PutRecords#streamArn`, `/PutRecords#tableArn`). A client never sends a fragment, and left in
// place it would swallow the query string appended after it (`/PutRecords#streamArn?streamArn=…`
// goes out as `/PutRecords`, without its required parameter). So the request path is the key up
// to its first '#' outside a `{name}` template.
const TEMPLATE_OR_TEXT = /\{[^{}]*\}|[^{#]+|\{|#/g;

export function requestPath(specPath: string): string {
  let out = '';
  for (const [part] of specPath.matchAll(TEMPLATE_OR_TEXT)) {
    if (part === '#') break;
    out += part;
  }
  return out;
}
