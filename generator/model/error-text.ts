// Which error responses the client reads as text: those the spec declares under a media type that
// is not JSON (the one rule, media-type.ts). openapi-fetch would parse such a text as JSON where it
// can, so the client keeps the text for the operations that have one (runtime/encoding/error-text.ts,
// named in their metadata by emit/encoders.ts), and the typing document types it as the text or
// the schema's value (read-body-types.ts).
import { classifyMediaType } from '../media-type.ts';
import type { OperationModel } from './types.ts';

/** Whether `status` is an error status: not 2xx (`default` too, the codes the spec does not list). */
export function isErrorStatus(status: string): boolean {
  return !/^2/.test(status);
}

/** Whether the body of `mediaType` is read as text when it is an error's: any type but JSON. */
export function errorReadAsText(mediaType: string): boolean {
  return classifyMediaType(mediaType) !== 'json';
}

/** Whether `op` declares an error response under a media type that is not JSON. */
export function declaresTextError(op: OperationModel): boolean {
  return op.responses.some((r) => isErrorStatus(r.status) && (r.mediaTypes ?? (r.mediaType ? [r.mediaType] : [])).some(errorReadAsText));
}
