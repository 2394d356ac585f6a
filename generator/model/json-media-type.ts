// One reading of "a JSON media type" for the generator, the runtime's (runtime/encoding/json-type.ts):
// not a wildcard or a list. Used for form-field `contentType`s, parameter `content` and the
// responses the zod validators check.
import { JSON_MEDIA_TYPE } from '../../runtime/encoding/json-type.ts';

export function isJsonMediaType(value: unknown): boolean {
  return typeof value === 'string' && JSON_MEDIA_TYPE.test(value);
}
