// runtime/validation.ts on hand-written zod schemas: how problems are located, summarised and
// scrubbed.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  ValidationError,
  formatPath,
  validateRequest,
  validateResponse,
  type OperationValidator,
} from '../../../runtime/validation.ts';

const validator: OperationValidator = {
  id: 'UpdateCustomer',
  request: {
    path: z.strictObject({ customer: z.string() }),
    header: z.optional(z.looseObject({ authorization: z.optional(z.string().startsWith('Bearer ')), 'x-trace': z.optional(z.string()) })),
    body: z.optional(z.strictObject({
      source: z.optional(z.union([z.string(), z.looseObject({ card: z.looseObject({ exp_year: z.int() }) })])),
      tags: z.optional(z.array(z.string())),
      note: z.optional(z.custom<string>((value) => typeof value === 'string', 'rejected eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln')),
      count: z.optional(z.number()),
    })),
  },
  responses: {
    '200': z.looseObject({ id: z.string() }),
    '4XX': z.looseObject({ error: z.looseObject({ message: z.string() }) }),
    default: z.looseObject({ fallback: z.literal(true) }),
  },
};

function caught(run: () => void): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('validateRequest', () => {
  const path = { customer: 'cus_1' };

  it('reports the alternative of a union that got furthest, at its full path', () => {
    const error = caught(() => validateRequest(validator, { params: { path }, body: { source: { card: { exp_year: 'soon' } } } }));
    expect(error.issues).toEqual([{ location: 'body', path: ['source', 'card', 'exp_year'], code: 'invalid_type', message: expect.stringContaining('expected number') }]);
  });

  it('lists what each alternative expected when none got anywhere', () => {
    const error = caught(() => validateRequest(validator, { params: { path }, body: { source: 5 } }));
    expect(error.issues[0]).toMatchObject({ path: ['source'], code: 'invalid_union' });
    expect(error.issues[0]!.message).toMatch(/^No alternative matched: .*expected string.*\|.*expected object/);
  });

  it('collects problems from every location and summarises the first five', () => {
    const error = caught(() =>
      validateRequest(validator, { params: { path: {} }, body: { tags: [1, 2, 3, 4, 5, 6], count: 'x' } }),
    );
    expect(error.issues.map((issue) => issue.location)).toEqual(['path', 'body', 'body', 'body', 'body', 'body', 'body', 'body']);
    expect(error.message).toMatch(/^Request validation failed for UpdateCustomer: path\.customer: .*; and 3 more$/);
  });

  it('reads header names case-insensitively, from a record or a Headers object', () => {
    const headers = new Headers({ Authorization: 'Token sk_live_abcdefghijkl' });
    const fromHeaders = caught(() => validateRequest(validator, { params: { path, header: headers } }));
    const fromRecord = caught(() => validateRequest(validator, { params: { path, header: { AUTHORIZATION: 'Token sk_live_abcdefghijkl' } } }));
    for (const error of [fromHeaders, fromRecord]) {
      expect(error.issues).toEqual([{ location: 'header', path: ['authorization'], code: 'invalid_format', message: 'invalid value ([REDACTED])' }]);
      expect(JSON.stringify({ ...error, message: error.message })).not.toContain('sk_live');
    }
  });

  it('scrubs secrets out of any message a schema produces', () => {
    const error = caught(() => validateRequest(validator, { params: { path }, body: { note: 3 } }));
    expect(error.issues[0]!.message).toBe('rejected [REDACTED]');
  });

  it('leaves bodies the caller already encoded alone', () => {
    const form = new FormData();
    form.set('anything', 'goes');
    expect(() => validateRequest(validator, { params: { path }, body: form })).not.toThrow();
  });

  it('does nothing for an operation without a validator, and names the validator\'s operation', () => {
    expect(() => validateRequest(undefined, { body: 'whatever' })).not.toThrow();
    const error = caught(() => validateRequest(validator, { params: {} }));
    expect(error.operationId).toBe(validator.id);
  });
});

describe('validateResponse', () => {
  it('uses the exact status, then the status range, then default', () => {
    expect(() => validateResponse(validator, 200, { id: 'cus_1', extra: true })).not.toThrow();
    expect(() => validateResponse(validator, 200, { id: 1 })).toThrow(/Response \(status 200\) validation failed for UpdateCustomer: response\.id/);
    expect(caught(() => validateResponse(validator, 404, { error: {} })).issues[0]!.path).toEqual(['error', 'message']);
    expect(caught(() => validateResponse(validator, 500, {})).issues[0]!.path).toEqual(['fallback']);
    expect(caught(() => validateResponse(validator, 500, {}))).toMatchObject({ phase: 'response', status: 500, operationId: validator.id });
  });

  it('passes statuses no schema describes', () => {
    const only200: OperationValidator = { id: 'X', request: {}, responses: { '200': z.string() } };
    expect(() => validateResponse(only200, 204, undefined)).not.toThrow();
  });
});

describe('formatPath', () => {
  it('writes identifiers with dots, indexes and odd keys with brackets', () => {
    expect(formatPath({ location: 'body', path: ['items', 0, 'price'] })).toBe('body.items[0].price');
    expect(formatPath({ location: 'query', path: ['created', 'gte'] })).toBe('query.created.gte');
    expect(formatPath({ location: 'header', path: ['x-trace'] })).toBe('header.x-trace');
    expect(formatPath({ location: 'body', path: ['metadata', 'order id'] })).toBe('body.metadata["order id"]');
  });
});
