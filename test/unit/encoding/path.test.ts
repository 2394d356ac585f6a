import createClient, { defaultPathSerializer } from 'openapi-fetch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializePath } from '../../../runtime/encoding/path.ts';

describe('serializePath', () => {
  it('percent-encodes values', () => {
    expect(serializePath('/v1/customers/{customer}/sources/{id}', { customer: 'cus 1/2', id: 'é?#' })).toBe(
      '/v1/customers/cus%201%2F2/sources/%C3%A9%3F%23',
    );
  });

  it('refuses dot segments, which URL resolution would turn into another endpoint', () => {
    const base = 'https://api.example.test/v1/customers/{id}';
    expect(() => serializePath(base, { id: '.' })).toThrow(/dot segment/);
    expect(() => serializePath(base, { id: '..' })).toThrow(/dot segment/);
    expect(new URL(serializePath(base, { id: '...' })).pathname).toBe('/v1/customers/...');
    // The default serializer lets `..` climb out of the resource (encoding would not help:
    // URL parsing treats %2E%2E as `..` as well). This is why the module exists.
    expect(new URL(defaultPathSerializer(base, { id: '..' })).pathname).toBe('/v1/');
    expect(new URL('https://h.test/v1/customers/%2E%2E').pathname).toBe('/v1/');
  });

  it('refuses missing and empty values rather than calling another endpoint', () => {
    expect(() => serializePath('/v1/customers/{id}', {})).toThrow(/missing/);
    expect(() => serializePath('/v1/customers/{id}', { id: null })).toThrow(/missing/);
    expect(() => serializePath('/v1/customers/{id}', { id: '' })).toThrow(/empty/);
  });

  it('writes numbers and booleans, and arrays in simple style', () => {
    expect(serializePath('/a/{n}/{b}/{list}', { n: 42, b: true, list: ['x', 'y,z'] })).toBe('/a/42/true/x,y%2Cz');
  });

  it('keeps every accepted value inside its own segment', () => {
    const id = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1 }), fc.constantFrom('.', '..', '/', '%2E%2E', '?', '#'));
    fc.assert(
      fc.property(id, (value) => {
        if (value === '.' || value === '..') {
          expect(() => serializePath('/v1/items/{id}', { id: value })).toThrow(TypeError);
          return;
        }
        const url = new URL(serializePath('https://h.test/v1/items/{id}/lines', { id: value }));
        const segments = url.pathname.split('/');
        expect(segments).toHaveLength(5);
        expect(segments[4]).toBe('lines');
        expect(decodeURIComponent(segments[3]!)).toBe(value);
      }),
    );
  });

  it('plugs into openapi-fetch', async () => {
    const seen: string[] = [];
    const client = createClient<Record<string, never>>({
      baseUrl: 'https://api.example.test',
      pathSerializer: serializePath,
      fetch: async (request: Request) => {
        seen.push(request.url);
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      },
    });
    await client.GET('/v1/customers/{customer}' as never, { params: { path: { customer: 'cus_1/x' } } } as never);
    expect(seen[0]).toBe('https://api.example.test/v1/customers/cus_1%2Fx');
    await expect(
      client.GET('/v1/customers/{customer}' as never, { params: { path: { customer: '..' } } } as never),
    ).rejects.toThrow(/dot segment/);
    expect(seen).toHaveLength(1);
  });
});
