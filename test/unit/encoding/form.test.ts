// encodeForm on its own terms (bracket notation, numbers, round trip, openapi-fetch wiring); the
// byte-for-byte comparison with stripe-node as an oracle is in form.stripe.test.ts.
import createClient from 'openapi-fetch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FORM_CONTENT_TYPE,
  encodeForm,
  encodeFormComponent,
  formBodySerializer,
  formatPlainNumber,
} from '../../../runtime/encoding/form.ts';

describe('encodeForm: bracket notation', () => {
  const cases: Array<[string, unknown, string]> = [
    ['flat scalars', { amount: 2000, currency: 'usd' }, 'amount=2000&currency=usd'],
    ['nested object', { metadata: { order_id: '42' } }, 'metadata[order_id]=42'],
    ['scalar array, indexed', { expand: ['customer', 'invoice'] }, 'expand[0]=customer&expand[1]=invoice'],
    [
      'array of objects',
      { items: [{ price: 'p_1', quantity: 2 }, { price: 'p_2' }] },
      'items[0][price]=p_1&items[0][quantity]=2&items[1][price]=p_2',
    ],
    ['booleans', { capture: false, confirm: true }, 'capture=false&confirm=true'],
    ['empty string unsets', { metadata: { k: '' }, description: '' }, 'metadata[k]=&description='],
    ['null is an empty value', { description: null, metadata: { k: null } }, 'description=&metadata[k]='],
    ['undefined is omitted', { a: undefined, b: 1, c: { d: undefined } }, 'b=1'],
    ['undefined array element keeps its index', { a: ['x', undefined, 'z'] }, 'a[0]=x&a[2]=z'],
    ['empty array and object are omitted', { a: [], b: {}, c: 'x' }, 'c=x'],
    ['Date becomes floored Unix seconds', { due: new Date(1_700_000_000_999) }, 'due=1700000000'],
    ['nested Date', { t: { at: new Date(1000) } }, 't[at]=1'],
    ['large number in plain digits', { n: 1e21 }, 'n=1000000000000000000000'],
    ['tiny number in plain digits', { n: 1e-7 }, 'n=0.0000001'],
    ['negative and fractional', { a: -5, b: 0.5 }, 'a=-5&b=0.5'],
    ['bigint', { n: 12345678901234567890n }, 'n=12345678901234567890'],
    ['insertion order kept', { z: 1, a: 2, m: 3 }, 'z=1&a=2&m=3'],
    ['brackets literal, reserved escaped', { 'a[b]': '[x]' }, 'a[b]=[x]'],
    ["sub-delims ! * ( ) ' escaped", { q: "it's (a*b)!" }, 'q=it%27s%20%28a%2Ab%29%21'],
    ['space, ampersand, equals, plus, unicode', { q: 'a b&c=d+é' }, 'q=a%20b%26c%3Dd%2B%C3%A9'],
    ['deep nesting', { a: { b: { c: [{ d: [1] }] } } }, 'a[b][c][0][d][0]=1'],
    ['top-level string: form text, sent as given', 'a=1&b=x%20y', 'a=1&b=x%20y'],
    ['top-level null', null, ''],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(encodeForm(body)).toBe(expected);
  });

  it('throws on NaN and infinities instead of sending words the API rejects', () => {
    expect(() => encodeForm({ n: Number.NaN })).toThrow(TypeError);
    expect(() => encodeForm({ n: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => encodeForm({ n: [Number.NEGATIVE_INFINITY] })).toThrow(TypeError);
  });

  it('formBodySerializer is encodeForm', () => {
    const body = { metadata: { a: '1' }, expand: ['x'] };
    expect(formBodySerializer(body)).toBe(encodeForm(body));
  });
});

describe('formatPlainNumber', () => {
  it('never writes an exponent and round-trips every finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = formatPlainNumber(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---- round trip -------------------------------------------------------------------------------

/** Rebuilds nested structure from bracketed keys; all-index objects become arrays. */
function decodeBrackets(encoded: string): unknown {
  const root: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(encoded)) {
    const match = /^([^[]*)((?:\[[^\]]*\])*)$/.exec(name);
    if (!match) throw new Error(`unparseable key ${name}`);
    const path = [match[1] ?? '', ...[...(match[2] ?? '').matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? '')];
    let node = root;
    path.forEach((segment, i) => {
      if (i === path.length - 1) node[segment] = value;
      else node = (node[segment] ??= {}) as Record<string, unknown>;
    });
  }
  const arrays = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const entries = Object.entries(v).map(([k, x]) => [k, arrays(x)] as const);
    const isList = entries.length > 0 && entries.every(([k], i) => k === String(i));
    return isList ? entries.map(([, x]) => x) : Object.fromEntries(entries);
  };
  return arrays(root);
}

/** What the API should understand from `value` once it is sent. */
function expectedAfterWire(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (value === null) return '';
  if (value instanceof Date) return String(Math.floor(value.getTime() / 1000));
  if (typeof value === 'number') return formatPlainNumber(value);
  if (typeof value !== 'object') return String(value);
  // Array elements that send nothing leave gaps in the indices, as on the wire.
  const entries = Object.entries(value)
    .map(([k, v]) => [k, expectedAfterWire(v)] as const)
    .filter(([, v]) => v !== undefined);
  if (entries.length === 0) return undefined;
  const isList = Array.isArray(value) && entries.every(([k], i) => k === String(i));
  return isList ? entries.map(([, v]) => v) : Object.fromEntries(entries);
}

describe('encodeForm round trip', () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
  const rtLeaf = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      rtLeaf,
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(name, fc.option(tie('value'), { nil: undefined }), { maxKeys: 3 }),
    ),
  }));

  it('URLSearchParams-parsed output rebuilds the same structure', () => {
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 5 }), (body) => {
        expect(decodeBrackets(encodeForm(body))).toEqual(expectedAfterWire(body) ?? {});
      }),
      { numRuns: 1000 },
    );
  });
});

describe('encodeFormComponent', () => {
  it('matches encodeURIComponent except for sub-delims and brackets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(decodeURIComponent(encodeFormComponent(s))).toBe(s);
        expect(encodeFormComponent(s)).not.toMatch(/[!'()*]/);
      }),
    );
  });
});

describe('with openapi-fetch', () => {
  it('sends the encoded body with the form content type', async () => {
    const seen: Request[] = [];
    const client = createClient<Record<string, never>>({
      baseUrl: 'https://api.example.test',
      fetch: async (request: Request) => {
        seen.push(request);
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const body = { metadata: { order_id: '42' }, items: [{ price: 'p_1' }] };
    await client.POST('/v1/customers' as never, {
      body,
      bodySerializer: formBodySerializer,
      headers: { 'Content-Type': FORM_CONTENT_TYPE },
    } as never);
    const request = seen[0]!;
    expect(request.headers.get('content-type')).toBe(FORM_CONTENT_TYPE);
    expect(await request.text()).toBe('metadata[order_id]=42&items[0][price]=p_1');
  });
});

describe('encodeFormComponent: the verbatim fast path', () => {
  it('returns verbatim text unchanged', () => {
    expect(encodeFormComponent('metadata[order_id]')).toBe('metadata[order_id]');
    expect(encodeFormComponent('cus_OdXk1wq2Zl3b4c')).toBe('cus_OdXk1wq2Zl3b4c');
    expect(encodeFormComponent('a b')).toBe('a%20b');
  });
});
