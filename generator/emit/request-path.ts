// The path an operation's metadata hands to openapi-fetch, which appends it to the base URL as is.
// A '#' in the literal text of a path key (`/PutRecords#streamArn`: some converted specs tell the
// operations on one path apart that way) is part of the path, but the URL parser reads it as the
// start of a fragment, and fetch drops the fragment: the rest of the path and the query string
// would never be sent. It becomes `%23`. `{name}` templates are left for the path serializer. A
// '?' is left alone: a constant query string in a path key is meant as one
// (load/query-string-paths.ts).
const TEMPLATE_OR_TEXT = /(\{[^{}]*\})|([^{]+|\{)/g;

export function requestPath(specPath: string): string {
  return specPath.replace(TEMPLATE_OR_TEXT, (_match, template: string | undefined, text: string | undefined) => template ?? text!.replaceAll('#', '%23'));
}
