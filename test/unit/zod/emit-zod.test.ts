// The zod emitter on small inline documents: the emitted module is evaluated with the real zod
// and its schemas are exercised on data, so these tests check behaviour, not text (except where
// the shape of the text is the requirement: getters only inside cycles, pure annotations).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitZodSchemas } from '../../../generator/emit/zod.ts';
import { ValidationError, validateRequest, validateResponse, type OperationValidator } from '../../../runtime/validation.ts';
import { loadSchemasModule, model, operation, parameter, schemaOf, typeCheck } from './support.ts';

const json = 'application/json';

function emit(document: Record<string, unknown>, operations = [operation('Use', { responses: Object.keys((document['components'] as any).schemas).map((name, index) => ({ status: String(200 + index), mediaType: json, schema: { $ref: `#/components/schemas/${name}` } })) })]) {
  const source = emitZodSchemas(model(operations), document);
  return { source, module: loadSchemasModule(source) };
}

describe('recursive schemas', () => {
  const document = {
    openapi: '3.0.3',
    components: {
      schemas: {
        node: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/node' } } },
        },
        tree: { type: 'object', required: ['root'], properties: { root: { $ref: '#/components/schemas/node' } } },
        expr: { anyOf: [{ type: 'number' }, { $ref: '#/components/schemas/sum' }] },
        sum: { type: 'object', required: ['left', 'right'], properties: { left: { $ref: '#/components/schemas/expr' }, right: { $ref: '#/components/schemas/expr' } } },
        nested_list: { type: 'array', items: { $ref: '#/components/schemas/nested_list' } },
      },
    },
  };
  const { source, module } = emit(document);

  it('validates self-recursive data at any depth and reports the deep path', () => {
    const Node = schemaOf(module, 'Node');
    expect(Node.safeParse({ name: 'a', children: [{ name: 'b', children: [{ name: 'c', children: [] }] }] }).success).toBe(true);
    const failed = Node.safeParse({ name: 'a', children: [{ name: 'b', children: [{ name: 7 }] }] });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.path).toEqual(['children', 0, 'children', 0, 'name']);
  });

  it('validates mutually recursive schemas whose cycle passes through a union', () => {
    const Expr = schemaOf(module, 'Expr');
    expect(Expr.safeParse({ left: 1, right: { left: 2, right: 3 } }).success).toBe(true);
    expect(Expr.safeParse({ left: 1, right: { left: 'two', right: 3 } }).success).toBe(false);
  });

  it('validates an array schema that contains itself', () => {
    const NestedList = schemaOf(module, 'NestedList');
    expect(NestedList.safeParse([[], [[[]]]]).success).toBe(true);
    expect(NestedList.safeParse([[1]]).success).toBe(false);
  });

  it('defers only references inside a cycle', () => {
    expect(source).toMatch(/get children\(\)/);
    // tree → node is not part of a cycle: a plain reference, no getter, no z.lazy.
    expect(source).toMatch(/\n  root: Node,\n/);
    expect(source).not.toMatch(/get root\(\)/);
    // A cycle member whose top level is not an object needs z.lazy; objects never do.
    expect(source).toMatch(/export const NestedList = \/\* @__PURE__ \*\/ build\(\(\) => z\.lazy\(/);
    expect(source).not.toMatch(/export const Node = [^\n]*z\.lazy/);
  });
});

describe('references into the middle of a component', () => {
  // Shaped like the corpus spec that produced a 200 MB module: each component points at a property
  // of the other, so inlining the targets unrolled the cycle at every use.
  const pointer = (component: string, property: string) => ({ $ref: `#/components/schemas/${component}/properties/${property}` });
  const document = {
    openapi: '3.0.3',
    components: {
      schemas: {
        pool: { type: 'object', properties: { name: { type: 'string' }, configs: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, pools: { type: 'array', items: pointer('server', 'config') } } } } } },
        server: { type: 'object', properties: { config: { type: 'object', properties: { label: { type: 'string' }, pools: { type: 'array', items: pointer('pool', 'configs') } } } } },
      },
    },
  };
  const { source, module } = emit(document);

  it('emits each pointed-at target once, as a const of its own, and validates through the cycle', () => {
    expect(source.match(/export const \w+/g)!.length).toBeLessThan(12);
    expect(source).not.toContain('self-referencing pointer');
    const Pool = schemaOf(module, 'Pool');
    expect(Pool.safeParse({ name: 'a', configs: [{ id: 'c', pools: [{ label: 'x', pools: [[{ id: 'd', pools: [] }]] }] }] }).success).toBe(true);
    expect(Pool.safeParse({ name: 'a', configs: [{ id: 'c', pools: [{ label: 7 }] }] }).success).toBe(false);
  });
});

describe('nullable, enums and formats', () => {
  const document = {
    openapi: '3.0.3',
    components: {
      schemas: {
        account: { type: 'object', properties: { id: { type: 'string' } } },
        sample: {
          type: 'object',
          required: ['nickname', 'owner', 'status', 'count', 'big', 'created', 'file'],
          properties: {
            nickname: { type: 'string', nullable: true, maxLength: 5 },
            owner: { allOf: [{ $ref: '#/components/schemas/account' }], nullable: true },
            status: { type: 'string', enum: ['active', 'inactive'], nullable: true },
            count: { type: 'integer', format: 'int32', minimum: 0 },
            big: { type: 'integer', format: 'int64' },
            created: { type: 'string', format: 'date-time' },
            file: { type: 'string', format: 'binary' },
            code: { type: 'string', pattern: '^[A-Z]{3}$' },
            broken: { type: 'string', pattern: '(unclosed' },
          },
        },
      },
    },
  };
  const { source, module } = emit(document);
  const Sample = schemaOf(module, 'Sample');
  const valid = { nickname: null, owner: null, status: null, count: 3, big: 2 ** 60, created: '2024-01-01T00:00:00Z', file: new Blob(['x']) };

  it('accepts null where OpenAPI 3.0 says nullable, for plain types, refs and enums', () => {
    expect(Sample.safeParse(valid).success).toBe(true);
    expect(Sample.safeParse({ ...valid, nickname: 'abc', owner: { id: 'acct_1' }, status: 'active' }).success).toBe(true);
  });

  it('keeps enum, bounds, int32 range and pattern checks', () => {
    expect(Sample.safeParse({ ...valid, status: 'deleted' }).success).toBe(false);
    expect(Sample.safeParse({ ...valid, nickname: 'toolong' }).success).toBe(false);
    expect(Sample.safeParse({ ...valid, count: -1 }).success).toBe(false);
    expect(Sample.safeParse({ ...valid, count: 2 ** 31 }).success).toBe(false);
    expect(Sample.safeParse({ ...valid, code: 'usd' }).success).toBe(false);
    expect(Sample.safeParse({ ...valid, code: 'USD' }).success).toBe(true);
  });

  it('treats int64 as any integral number, binary as file content, date-time as a string', () => {
    expect(Sample.safeParse({ ...valid, big: 1.5 }).success).toBe(false);
    expect(Sample.safeParse({ ...valid, file: new Uint8Array([1, 2]) }).success).toBe(true);
    expect(Sample.safeParse({ ...valid, file: 42 }).success).toBe(false);
    expect(Sample.safeParse({ ...valid, created: 'yesterday' }).success).toBe(true);
  });

  it('skips a pattern JavaScript cannot compile, saying so in the output', () => {
    expect(source).toMatch(/broken: z\.optional\(z\.string\(\) \/\* pattern not checked: JavaScript cannot read it as meant \(manifest: uncheckedPatterns\) \*\/\)/);
    expect(Sample.safeParse({ ...valid, broken: 'anything' }).success).toBe(true);
  });
});

describe('OpenAPI 3.1', () => {
  const document = {
    openapi: '3.1.0',
    components: {
      schemas: {
        label: { type: 'string', minLength: 1 },
        item: {
          type: 'object',
          required: ['name', 'kind', 'tag'],
          properties: {
            name: { type: ['string', 'null'] },
            size: { type: ['integer', 'string'], minimum: 1 },
            kind: { const: 'item' },
            tag: { $ref: '#/components/schemas/label', maxLength: 3 },
            range: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10 },
          },
        },
      },
    },
  };
  const { module } = emit(document);
  const Item = schemaOf(module, 'Item');

  it('maps type arrays to nullable types and unions', () => {
    expect(Item.safeParse({ name: null, kind: 'item', tag: 'a', size: 'L' }).success).toBe(true);
    expect(Item.safeParse({ name: 'x', kind: 'item', tag: 'a', size: 2 }).success).toBe(true);
    expect(Item.safeParse({ name: 'x', kind: 'item', tag: 'a', size: 0 }).success).toBe(false);
    expect(Item.safeParse({ name: 'x', kind: 'item', tag: 'a', size: true }).success).toBe(false);
  });

  it('applies const, numeric exclusive bounds and $ref siblings', () => {
    expect(Item.safeParse({ name: 'x', kind: 'other', tag: 'a' }).success).toBe(false);
    expect(Item.safeParse({ name: 'x', kind: 'item', tag: 'abcd' }).success).toBe(false);
    expect(Item.safeParse({ name: 'x', kind: 'item', tag: '' }).success).toBe(false);
    expect(Item.safeParse({ name: 'x', kind: 'item', tag: 'a', range: 10 }).success).toBe(false);
    expect(Item.safeParse({ name: 'x', kind: 'item', tag: 'a', range: 9.5 }).success).toBe(true);
  });
});

describe('unions and composition', () => {
  const document = {
    openapi: '3.0.3',
    components: {
      schemas: {
        customer: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, email: { type: 'string' } } },
        charge: {
          type: 'object',
          required: ['customer'],
          properties: {
            // An expandable field: an id, or the object when expanded.
            customer: { anyOf: [{ type: 'string', maxLength: 5000 }, { $ref: '#/components/schemas/customer' }] },
            source: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
          },
        },
        named: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
        card: {
          allOf: [{ $ref: '#/components/schemas/named' }, { type: 'object', required: ['last4'], properties: { last4: { type: 'string' } } }],
        },
        address: {
          allOf: [
            { type: 'object', required: ['line1'], properties: { line1: { type: 'string' } } },
            { type: 'object', required: ['city'], properties: { city: { type: 'string' } } },
          ],
        },
      },
    },
  };
  const { source, module } = emit(document);

  it('accepts either side of an anyOf and rejects what matches neither', () => {
    const Charge = schemaOf(module, 'Charge');
    expect(Charge.safeParse({ customer: 'cus_1' }).success).toBe(true);
    expect(Charge.safeParse({ customer: { id: 'cus_1', email: 'a@b.c' } }).success).toBe(true);
    expect(Charge.safeParse({ customer: 12 }).success).toBe(false);
    expect(Charge.safeParse({ customer: { email: 'a@b.c' } }).success).toBe(false);
    expect(Charge.safeParse({ customer: 'cus_1', source: 3 }).success).toBe(true);
    expect(Charge.safeParse({ customer: 'cus_1', source: false }).success).toBe(false);
  });

  it('requires every allOf member, merging inline objects into one', () => {
    const Card = schemaOf(module, 'Card');
    expect(Card.safeParse({ name: 'Visa', last4: '4242' }).success).toBe(true);
    expect(Card.safeParse({ name: 'Visa' }).success).toBe(false);
    expect(Card.safeParse({ last4: '4242' }).success).toBe(false);
    const Address = schemaOf(module, 'Address');
    expect(Address.safeParse({ line1: 'x', city: 'y' }).success).toBe(true);
    expect(Address.safeParse({ line1: 'x' }).success).toBe(false);
    expect(source).toMatch(/export const Address = \/\* @__PURE__ \*\/ build\(\(\) => z\.looseObject\(\{/);
  });
});

describe('operation validators with the runtime', () => {
  const document = {
    openapi: '3.0.3',
    components: {
      schemas: {
        price: { type: 'object', required: ['id', 'amount'], properties: { id: { type: 'string' }, amount: { type: 'integer' } }, additionalProperties: false },
        error: { type: 'object', properties: { message: { type: 'string' } } },
      },
    },
  };
  const createOrder = operation('CreateOrder', {
    path: '/orders/{shop}',
    parameters: [
      parameter('shop', 'path', { type: 'string' }, true),
      parameter('expand', 'query', { type: 'array', items: { type: 'string' } }),
      parameter('X-Trace', 'header', { type: 'string', maxLength: 8 }),
      parameter('X-Api-Key', 'header', { type: 'string', pattern: '^key_' }),
    ],
    requestBody: {
      required: true,
      mediaType: 'application/x-www-form-urlencoded',
      encoding: 'form',
      schema: {
        type: 'object',
        required: ['items'],
        additionalProperties: false,
        properties: {
          items: { type: 'array', items: { type: 'object', required: ['price'], properties: { price: { type: 'string' }, quantity: { type: 'integer' } } } },
          metadata: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
    responses: [
      { status: '200', mediaType: json, schema: { $ref: '#/components/schemas/price' } },
      { status: '404', mediaType: json, schema: { $ref: '#/components/schemas/error' } },
      { status: '200', mediaType: 'application/pdf', schema: { type: 'string', format: 'binary' } },
    ],
  });
  const listPrices = operation('ListPrices', { method: 'get', path: '/prices', responses: [{ status: 'default', mediaType: json, schema: { type: 'array', items: { $ref: '#/components/schemas/price' } } }] });
  const source = emitZodSchemas(model([listPrices, createOrder]), document);
  const { validators } = loadSchemasModule(source);
  const validator = validators['CreateOrder']!;
  const good = { params: { path: { shop: 's1' } }, body: { items: [{ price: 'price_1', quantity: 2 }] } };

  function requestError(init: object): ValidationError {
    try {
      validateRequest(validator, init);
    } catch (error) {
      if (error instanceof ValidationError) return error;
      throw error;
    }
    throw new Error('expected a ValidationError');
  }

  it('exports one validator per operation, keyed by operation id', () => {
    expect(Object.keys(validators)).toEqual(['CreateOrder', 'ListPrices']);
    expect(validator.id).toBe('CreateOrder');
    expect(source).toMatch(/export const CreateOrderValidator: OperationValidator = \/\* @__PURE__ \*\/ withResponses\(CreateOrderRequest, \{/);
  });

  it('exports the request part on its own: same request schemas, no response schemas', () => {
    const module = loadSchemasModule(source) as unknown as Record<string, OperationValidator>;
    const request = module['CreateOrderRequest']!;
    const full = module['CreateOrderValidator']!;
    expect(request.id).toBe('CreateOrder');
    expect(request.responses).toEqual({});
    expect(Object.keys(full.responses)).toEqual(['200']);
    // The full validator shares the request validator's schemas instead of building its own.
    expect(full.request).toBe(request.request);
    expect(Object.keys(request.request).sort()).toEqual(['body', 'header', 'path', 'query']);
    // Validation through the request part alone reports what the full validator reports.
    const bad = { params: { path: { shop: 's1' } }, body: { items: [{ price: 1 }] } };
    const issues = (target: OperationValidator) => {
      try {
        validateRequest(target, bad);
      } catch (error) {
        if (error instanceof ValidationError) return error.issues;
        throw error;
      }
      return [];
    };
    expect(issues(request).length).toBeGreaterThan(0);
    expect(issues(request)).toEqual(issues(full));
  });

  it('passes a request that matches and fails a wrong type at its exact path', () => {
    expect(() => validateRequest(validator, good)).not.toThrow();
    const error = requestError({ ...good, body: { items: [{ price: 'p', quantity: 1 }, { price: 5 }] } });
    expect(error.phase).toBe('request');
    expect(error.operationId).toBe('CreateOrder');
    expect(error.issues).toEqual([expect.objectContaining({ location: 'body', path: ['items', 1, 'price'], code: 'invalid_type' })]);
    expect(error.message).toContain('body.items[1].price');
  });

  it('follows the schema on requests: closed bodies and parameter sets reject unknown names', () => {
    expect(requestError({ ...good, body: { ...good.body, colour: 'red' } }).issues[0]).toMatchObject({ location: 'body', code: 'unrecognized_keys' });
    expect(requestError({ ...good, params: { ...good.params, query: { expnad: ['x'] } } }).issues[0]).toMatchObject({ location: 'query', code: 'unrecognized_keys' });
    expect(requestError({ body: good.body }).issues[0]).toMatchObject({ location: 'path' });
    expect(requestError({ ...good, body: { ...good.body, metadata: { a: 1 } } }).issues[0]).toMatchObject({ path: ['metadata', 'a'] });
  });

  it('matches headers case-insensitively and never repeats a credential header in the error', () => {
    expect(() => validateRequest(validator, { ...good, params: { ...good.params, header: { 'x-trace': 'abc' } } })).not.toThrow();
    const traced = requestError({ ...good, params: { ...good.params, header: { 'X-Trace': 'far-too-long' } } });
    expect(traced.issues[0]).toMatchObject({ location: 'header', path: ['x-trace'] });
    const secret = 'sk_live_51Habcdefghijklmnop';
    const keyed = requestError({ ...good, params: { ...good.params, header: { 'X-Api-Key': secret } } });
    expect(keyed.issues[0]).toMatchObject({ location: 'header', path: ['x-api-key'] });
    expect(keyed.issues[0]!.message).toBe('invalid value ([REDACTED])');
    expect(JSON.stringify(keyed)).not.toContain(secret);
    expect(keyed.message).not.toContain('^key_');
  });

  it('is lenient on responses: extra fields pass even where the schema is closed', () => {
    expect(() => validateResponse(validator, 200, { id: 'price_1', amount: 5, added_later: { any: 'thing' } })).not.toThrow();
    expect(() => validateResponse(validator, 200, { id: 'price_1', amount: 'five' })).toThrow(ValidationError);
  });

  it('picks the schema by exact status, then default; error statuses are left out unless asked for', () => {
    expect(Object.keys(validator.responses)).toEqual(['200']);
    expect(() => validateResponse(validator, 404, { message: 1 })).not.toThrow();
    const prices = validators['ListPrices']!;
    expect(() => validateResponse(prices, 201, [{ id: 'p', amount: 1 }])).not.toThrow();
    expect(() => validateResponse(prices, 201, [{ id: 'p' }])).toThrow(/ListPrices.*response\[0\]\.amount/);
    const withErrors = loadSchemasModule(emitZodSchemas(model([createOrder]), document, { errorResponses: true }));
    expect(() => validateResponse(withErrors.validators['CreateOrder'], 404, { message: 1 })).toThrow(ValidationError);
  });
});

describe('request and response readings of one component', () => {
  const document = {
    openapi: '3.0.3',
    components: {
      schemas: {
        transfer: {
          type: 'object',
          required: ['id', 'amount'],
          properties: { id: { type: 'string', readOnly: true }, amount: { type: 'number' }, beneficiary: { $ref: '#/components/schemas/party' } },
        },
        party: { type: 'object', properties: { name: { type: 'string' } } },
      },
    },
  };
  const transfers = operation('CreateTransfer', {
    requestBody: { required: true, mediaType: json, encoding: 'json', schema: { $ref: '#/components/schemas/transfer' } },
    responses: [{ status: '201', mediaType: json, schema: { $ref: '#/components/schemas/transfer' } }],
  });
  const source = emitZodSchemas(model([transfers]), document);
  const { validators } = loadSchemasModule(source);

  it('does not require readOnly properties in requests but does in responses', () => {
    const validator = validators['CreateTransfer']!;
    expect(() => validateRequest(validator, { body: { amount: 10 } })).not.toThrow();
    expect(() => validateResponse(validator, 201, { amount: 10 })).toThrow(/response\.id/);
    expect(source).toMatch(/export const TransferInput = /);
    // The referenced component reads the same on both sides: emitted once.
    expect(source.match(/export const Party\w* = /g)).toEqual(['export const Party = ']);
  });
});

describe('names and determinism', () => {
  const document = {
    openapi: '3.0.3',
    components: {
      schemas: {
        'issuing.card': { type: 'object', properties: { a: { type: 'string' } } },
        issuing_card: { type: 'object', properties: { b: { type: 'string' } } },
        error: { type: 'object', properties: { c: { type: 'string' } } },
        '3d_secure': { type: 'string' },
        unused: { type: 'string' },
      },
    },
  };
  const responses = ['issuing.card', 'issuing_card', 'error', '3d_secure'].map((name, index) => ({ status: String(200 + index), mediaType: json, schema: { $ref: `#/components/schemas/${name}` } }));
  const operations = [operation('b-op', { responses }), operation('AOp', { responses: [] })];

  it('derives stable identifiers, resolving collisions and shadowed globals', () => {
    const source = emitZodSchemas(model(operations), document);
    const exported = [...source.matchAll(/^export const (\w+)/gm)].map((match) => match[1]);
    expect(exported).toEqual(expect.arrayContaining(['IssuingCard', 'IssuingCard2', 'ErrorSchema', '_3dSecure', 'AOpValidator', 'BOpValidator', 'validators']));
    expect(exported).not.toContain('Unused');
  });

  it('emits byte-identical output whatever the order of operations', () => {
    const first = emitZodSchemas(model(operations), document);
    const second = emitZodSchemas(model([...operations].reverse()), structuredClone(document));
    expect(second).toBe(first);
  });
});

describe('type-check', () => {
  it('type-checks fixture output with recursion, variants, helpers and every keyword above', async () => {
    const document = {
      openapi: '3.1.0',
      components: {
        schemas: {
          node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/node' } }, size: { type: 'integer', format: 'int64' } } },
          loop: { anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/loop' } }] },
          upload: { type: 'object', required: ['id'], properties: { id: { type: 'string', readOnly: true }, file: { type: 'string', format: 'binary' } } },
          mixed: { allOf: [{ $ref: '#/components/schemas/node' }, { type: 'object', properties: { tag: { const: 'x' } } }], oneOf: [{ type: 'object' }, { type: 'null' }] },
        },
      },
    };
    const refs = Object.keys(document.components.schemas).map((name) => ({ $ref: `#/components/schemas/${name}` }));
    const operations = [
      operation('Put', {
        parameters: [parameter('id', 'path', { type: 'string', pattern: '^[a-z]+$' }, true), parameter('q', 'query', { type: ['integer', 'null'] })],
        requestBody: { required: true, mediaType: 'multipart/form-data', encoding: 'multipart', schema: { $ref: '#/components/schemas/upload' } },
        responses: refs.map((schema, index) => ({ status: String(200 + index), mediaType: json, schema })),
      }),
    ];
    const source = emitZodSchemas(model(operations), document, { errorResponses: true });
    expect(source).toMatch(/const binary = /);
    expect(source).toMatch(/const integer = /);
    expect(source).toMatch(/export const UploadInput = /);
    // A deliberately broken copy in the same run proves the check is not vacuous.
    // And the runtime accepts the generated validators as they are.
    const usage = [
      "import { PutValidator, validators } from '../fixture/schemas.ts';",
      `import { validateRequest, type Validators } from '${path.resolve(import.meta.dirname, '../../../runtime/validation.ts')}';`,
      'export const all: Validators = validators;',
      'validateRequest(PutValidator, { params: { path: { id: "a" } } });',
    ].join('\n');
    const report = await typeCheck({ fixture: source, usage, control: `${source}\nexport const broken: number = 'text';\n` });
    expect(report).toMatch(/control\/schemas\.ts.*TS2322/);
    expect(report).not.toMatch(/(fixture|usage)\/schemas\.ts/);
  }, 120_000);
});
