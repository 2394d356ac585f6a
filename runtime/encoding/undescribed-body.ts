// A success body the spec does not describe: its responses give no content, yet servers answer
// with a word ("Deleted"), a page of HTML, a PDF or undeclared JSON. openapi-fetch parses any body
// it is not told about as JSON, so a text answer turned a successful call into a SyntaxError (and
// a caller who retried a POST would send it twice). The generator asks for such an operation's body
// as bytes (`parseAs: 'blob'`), and this reads it by its own Content-Type: the JSON value when it
// says JSON and parses, the text when it says text, else the Blob itself; nothing for an empty body.
// A body described as `*/*` (any type) with a schema that is not bytes (Springdoc writes every
// answer so) is read the same way: the range says the server may send any type, so its own
// Content-Type, not the spec, says how to read it.

import { JSON_MEDIA_TYPE } from './json-type.ts';

const TEXT_TYPE = /^text\//i;

export async function undescribedBody(data: unknown, response: Response): Promise<unknown> {
  if (!(data instanceof Blob) || data.size === 0) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (JSON_MEDIA_TYPE.test(type)) {
    const text = await data.text();
    try {
      return JSON.parse(text);
    } catch {
      // Labelled JSON that is not: still a success, and the text is all there is.
      return text;
    }
  }
  return TEXT_TYPE.test(type) ? data.text() : data;
}
