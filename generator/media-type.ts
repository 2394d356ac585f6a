// How a body of a media type is written or read, shared by the loader's repairs and the model.
import type { BodyEncoding } from './model/types.ts';
import { isJsonMediaType } from './model/json-media-type.ts';

/**
 * How a body of `mediaType` is written or read. Parameters do not change the kind
 * (`application/json; charset=utf-8` is JSON). JSON is the runtime's rule (model/json-media-type.ts):
 * `application/json`, a `+json` type, and the older names `text/json` and `x-json`. `*\/*` is a
 * range (OpenAPI: a content key "is a media type or media type range"), not JSON: it names no
 * encoding, so alone it is bytes ('binary'); what a body under it is depends on its schema (`wildcardRequestEncoding`, `responseReading`).
 */
export function classifyMediaType(mediaType: string): BodyEncoding {
  const mt = bareType(mediaType);
  if (mt === 'application/x-www-form-urlencoded') return 'form';
  if (mt.startsWith('multipart/')) return 'multipart';
  if (isJsonMediaType(mt)) return 'json';
  if (mt.startsWith('text/')) return 'text';
  return 'binary';
}

/** Whether `mediaType` is the range of every type, `*\/*` (Springdoc's default content key). */
export function isAnyMediaType(mediaType: string): boolean {
  return bareType(mediaType) === '*/*';
}

function bareType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}
