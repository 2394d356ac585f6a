import { describe, expect, it } from 'vitest';
import { jsonLogger } from '../../../runtime/log/logger.ts';
import { get, getCustomer, harness, respond, testPolicy } from './support.ts';

describe('events', () => {
  it('reports every attempt with its status, duration, retry delay and breaker state', async () => {
    const { call, attempts } = harness([respond(503), respond(200)]);
    await call(getCustomer, get());
    expect(attempts()).toEqual([
      {
        type: 'attempt',
        level: 'info',
        vendor: 'test',
        operationId: 'GetCustomer',
        method: 'GET',
        path: '/v1/customers/{customer}',
        attempt: 1,
        status: 503,
        error: undefined,
        durationMs: 0,
        retryInMs: 50,
        breakerState: 'closed',
      },
      expect.objectContaining({ attempt: 2, status: 200, level: 'debug', retryInMs: undefined, breakerState: 'closed' }),
    ]);
  });

  it('measures attempt duration on the clock', async () => {
    const { call, attempts } = harness(['hang'], { overrides: { retry: false, timeoutMs: 750 } });
    await call(getCustomer, get()).catch(() => {});
    expect(attempts()[0]).toMatchObject({ durationMs: 750, error: expect.stringMatching(/^TimeoutError: GetCustomer/), level: 'warn' });
  });

  it('shows the breaker state an attempt left behind', async () => {
    const policy = { ...testPolicy(), breaker: { consecutiveFailures: 1, cooldownMs: 1000 } };
    const { call, attempts } = harness([respond(500)], { policy, overrides: { retry: false } });
    await call(getCustomer, get());
    expect(attempts()[0]!.breakerState).toBe('open');
  });

  it('logs warnings by default and stays quiet about successes', async () => {
    const lines: string[] = [];
    const logger = jsonLogger({ write: (line) => lines.push(line) });
    const { call } = harness([respond(200), respond(500)], { logger, onEvent: undefined, overrides: { retry: false } });
    await call(getCustomer, get());
    expect(lines).toEqual([]);
    await call(getCustomer, get());
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ level: 'warn', type: 'attempt', status: 500 })]);
  });
});
