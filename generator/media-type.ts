// How a body of a media type is written or read, shared by the loader's repairs and the model.
import type { BodyEncoding } from './model/types.ts';

/**
 * How a body of `mediaType` is written or read. Parameters do not change the kind
 * (`application/json; charset=utf-8` is JSON), and `text/json`, an older name some specs use
 * for JSON, is JSON too. `*\/*` is a range (OpenAPI: a content key "is a media type or media type
 * range"), not JSON: it names no encoding, so alone it is bytes ('binary'); what a body under it
 * is depends on its schema (`wildcardRequestEncoding`, `responseReading`).
 */
export function classifyMediaType(mediaType: string): BodyEncoding {
  const mt = bareType(mediaType);
  if (mt === 'application/x-www-form-urlencoded') return 'form';
  if (mt.startsWith('multipart/')) return 'multipart';
  if (mt === 'application/json' || mt === 'text/json' || mt.endsWith('+json')) return 'json';
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
