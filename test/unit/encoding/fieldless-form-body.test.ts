// An urlencoded body's fields are the properties of the object given as the body (or the form
// text itself: a string or URLSearchParams). A number or boolean given as the body went out as an
// empty body and an array as fields named by index (0[id], 1[id]); a spec that types the body so is repaired at
// load time (test/unit/load/shapeless-form-bodies.test.ts), and a call given one anyway is
// refused before anything is sent.
import { describe, expect, it } from 'vitest';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { encodeForm, encodeFormWith, formBody } from '../../../runtime/encoding/form.ts';
import { recordingClient } from './recording-client.ts';

const meta: OperationMeta = { id: 'Convert', method: 'POST', path: '/convert', resilience: 'unsafe', idempotency: { kind: 'none' }, encodeBody: formBody };

describe('an urlencoded body that is not an object of fields', () => {
  for (const [kind, body, named] of [
    ['a number', 42, 'number'],
    ['a boolean', true, 'boolean'],
    ['an array', [{ id: 1 }, { id: 2 }], 'an array'],
  ] as const) {
    it(`${kind} is refused, not sent as ${kind === 'an array' ? 'fields named by index (0[id], 1[id])' : 'an empty body'}`, async () => {
      const refusal = `form body: needs an object of fields, form text or URLSearchParams, not ${named}`;
      expect(() => encodeForm(body)).toThrow(refusal);
      expect(() => encodeFormWith(body, { id: 'csv' })).toThrow(refusal);
      const { client, sent } = recordingClient();
      await expect(client.call(meta, { body })).rejects.toThrow(refusal);
      expect(sent).toHaveLength(0);
    });
  }

  it('an object, form text, URLSearchParams and no body are still sent', async () => {
    const { client, sent } = recordingClient();
    await client.call(meta, { body: { id: [1, 2] } });
    await client.call(meta, { body: 'id=3' });
    await client.call(meta, { body: new URLSearchParams({ id: '4' }) });
    await client.call(meta, {});
    expect(await Promise.all(sent.map((request) => request.text()))).toEqual(['id[0]=1&id[1]=2', 'id=3', 'id=4', '']);
  });
});
