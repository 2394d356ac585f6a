// Stripe-specific facts of the zod emitter on Stripe's real effective document (the vendor-generic
// checks over every pinned vendor are in real-vendors.test.ts).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitZodModule } from '../../../generator/emit/zod.ts';
import { loadVendor } from '../../../generator/load/index.ts';
import { buildApiModel } from '../../../generator/model/index.ts';
import { ValidationError, validateRequest } from '../../../runtime/validation.ts';
import { loadSchemasModule, type SchemasModule } from './support.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const emitted = {} as { stripe: { source: string; module: SchemasModule } };

beforeAll(async () => {
  const loaded = await loadVendor('stripe', { root: ROOT, download: false });
  const { js, ts: source } = emitZodModule(buildApiModel(loaded), loaded.document);
  emitted.stripe = { source, module: loadSchemasModule(js) };
}, 300_000);

describe('stripe specifics', () => {
  it('reports a wrong body type at its path and rejects unknown body fields (closed form bodies)', () => {
    const validator = emitted.stripe.module.validators['PostPaymentIntents']!;
    expect(() => validateRequest(validator, { body: { amount: 2000, currency: 'usd', payment_method_types: ['card'] } })).not.toThrow();
    const wrong = (() => {
      try {
        validateRequest(validator, { body: { amount: '2000', currency: 'usd', metadata: { order: 7 } } });
      } catch (error) {
        return error as ValidationError;
      }
      throw new Error('expected a ValidationError');
    })();
    expect(wrong.issues.map((issue) => [issue.location, ...issue.path])).toEqual([['body', 'amount'], ['body', 'metadata', 'order']]);
    expect(() => validateRequest(validator, { body: { amount: 1, currency: 'usd', amout: 1 } })).toThrow(/unrecognized/i);
  });

  it('keeps expandable fields as id-or-object unions through the recursive getters', () => {
    const { source } = emitted.stripe;
    // Customer ↔ many objects is one large cycle: references within it are getters, never eager.
    expect(source).toMatch(/get customer\(\) \{ return z\.optional\(z\.nullable\(z\.union\(\[z\.string\(\)\.max\(5000\), Customer, DeletedCustomer\]\)\)\); \}/);
  });
});
