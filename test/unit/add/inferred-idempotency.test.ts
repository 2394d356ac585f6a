// An idempotency header inferred from the spec (test/fixtures/inferred-idempotency: two POSTs
// declare the header, one at path level and in lower case, a third declares none) is sent, and
// makes a POST retryable, only where the spec declares it: the generated client of a one-off
// `generate --spec` re-sends the declaring POSTs after a 503 with one key, and sends the other POST
// once, with no key the server never promised to honour. A hand-written profile rule without
// `onlyWhereDeclared` still covers every POST, as a vendor that honours the key everywhere needs.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApiModel } from '../../../generator/model/index.ts';
import { BIN } from '../../support/cli.ts';
import { loaded } from '../auth/hand-made-spec.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/inferred-idempotency/openapi.json');
const OUT = path.join(ROOT, 'test/.work/inferred-idempotency');

type Operation = (client: unknown, init?: object) => Promise<unknown>;
let generated: { create: (options: object) => unknown; operations: Record<string, Operation> };

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await promisify(execFile)(process.execPath, [BIN, 'generate', '--spec', FIXTURE, '--vendor', 'ledger', '--out', OUT], { cwd: ROOT });
  const module = (await import(path.join(OUT, 'ledger/index.ts'))) as Record<string, unknown>;
  generated = { create: module.createLedgerClient as (options: object) => unknown, operations: module as Record<string, Operation> };
}, 120_000);

/** The Idempotency-Key of each attempt of one call answered 503 first, then 200; and how it ended. */
async function attempts(operation: string, init: object): Promise<{ keys: (string | null)[]; outcome: string }> {
  const keys: (string | null)[] = [];
  const fetch = async (request: Request) => {
    keys.push(request.headers.get('idempotency-key'));
    return Response.json({}, { status: keys.length === 1 ? 503 : 200 });
  };
  const client = generated.create({ fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 }, logger: false });
  const outcome = await generated.operations[operation]!(client, init).then(() => 'ok', (error: Error) => error.message);
  return { keys, outcome };
}

describe('an idempotency header the spec declares on some POSTs', () => {
  it('keys and retries the POSTs that declare it, at operation or path level, in any case', async () => {
    for (const [operation, init] of [['createPayment', { body: { amount: 1 } }], ['capturePayment', { params: { path: { id: 'p1' } } }]] as const) {
      const { keys, outcome } = await attempts(operation, init);
      expect(outcome, operation).toBe('ok');
      expect(keys, operation).toHaveLength(2);
      expect(keys[0], operation).toMatch(/^[\w-]{16,}$/);
      expect(keys[1], operation).toBe(keys[0]);
    }
  });

  it('leaves a POST that does not declare it unsafe: sent once, with no key', async () => {
    const { keys, outcome } = await attempts('sendEmail', { body: { to: 'a@ledger.test' } });
    expect(keys).toEqual([null]);
    expect(outcome).toContain('503');
  });

  it('is written to the operations\' metadata as the spec declares it', () => {
    const source = readFileSync(path.join(OUT, 'ledger/operations.js'), 'utf8');
    const resilience = Object.fromEntries([...source.matchAll(/id: '(\w+)', method: 'POST', path: '[^']+', resilience: '(\w+)'/g)].map(([, id, r]) => [id, r]));
    expect(resilience).toEqual({ createPayment: 'idempotent', capturePayment: 'idempotent', sendEmail: 'unsafe' });
  });
});

describe('a hand-written header rule', () => {
  const document = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  const idempotencyOf = (rule: Record<string, unknown>) => {
    const vendor = loaded(document);
    (vendor.document['x-svcgen'] as Record<string, unknown>).idempotency = rule;
    return Object.fromEntries(buildApiModel(vendor).operations.map((op) => [op.id, op.idempotency.kind]));
  };

  it('covers every POST it lists unless it says onlyWhereDeclared', () => {
    const rule = { kind: 'header', name: 'Idempotency-Key', methods: ['post'] };
    expect(idempotencyOf(rule)).toEqual({ createPayment: 'header', capturePayment: 'header', sendEmail: 'header' });
    expect(idempotencyOf({ ...rule, onlyWhereDeclared: true })).toEqual({ createPayment: 'header', capturePayment: 'header', sendEmail: 'none' });
  });
});
