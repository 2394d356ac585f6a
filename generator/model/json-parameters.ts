// Parameters described by `content` instead of `schema`. OpenAPI lets a parameter name one media
// type whose document is the value (`q={"page":1}`): with a JSON type the caller gives the value
// its schema describes and the client sends its JSON text, percent-encoded in a query or path, as
// is in a header. A string value is sent as JSON too (`"name"`, quotes included), since that is
// what the media type says; a spec that means the bare text can say `schema` in an overlay.
// openapi-typescript types such a parameter as a string (it reads `schema` only), so the typing
// document rewrites it to carry the content's schema (model/typing-document.ts).
// Other media types (`text/plain`, `*/*`) leave the value as the caller's text.
import { isJsonMediaType } from './json-media-type.ts';
import type { SchemaObject } from './types.ts';

type Doc = Record<string, any>;

/** The schema of a parameter's JSON `content` (its one entry), or undefined when it has `schema` or no JSON content. */
export function jsonContentSchema(parameter: Doc): SchemaObject | undefined {
  if (!parameter || typeof parameter !== 'object' || parameter.schema !== undefined || !parameter.content || typeof parameter.content !== 'object') return undefined;
  const mediaType = Object.keys(parameter.content)[0];
  if (mediaType === undefined || !isJsonMediaType(mediaType)) return undefined;
  return (parameter.content[mediaType]?.schema as SchemaObject | undefined) ?? {};
}

/** The parameter as openapi-typescript should type it: its JSON content's schema as `schema`. */
export function typedAsJsonSchema(parameter: Doc): Doc {
  const schema = jsonContentSchema(parameter);
  if (schema === undefined) return parameter;
  const { content: _content, ...rest } = parameter;
  return { ...rest, schema };
}
