// How a body of a media type is written or read, shared by the loader's repairs and the model.
import type { BodyEncoding } from './model/types.ts';

/**
 * How a body of `mediaType` is written or read. Parameters do not change the kind
 * (`application/json; charset=utf-8` is JSON), and `text/json`, an older name some specs use
 * for JSON, is JSON too.
 */
export function classifyMediaType(mediaType: string): BodyEncoding {
  const mt = mediaType.split(';')[0]!.trim().toLowerCase();
  if (mt === 'application/x-www-form-urlencoded') return 'form';
  if (mt.startsWith('multipart/')) return 'multipart';
  if (mt === 'application/json' || mt === 'text/json' || mt.endsWith('+json') || mt === '*/*') return 'json';
  if (mt.startsWith('text/')) return 'text';
  return 'binary';
}
