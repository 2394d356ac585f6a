// One reading of "a JSON media type" for the generator: `application/json` or an `application/…+json`
// type, parameters allowed; not a wildcard or a list. Used for form-field `contentType`s, parameter
// `content` and the responses the zod validators check.

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

export function isJsonMediaType(value: unknown): boolean {
  return typeof value === 'string' && JSON_MEDIA_TYPE.test(value.trim());
}
