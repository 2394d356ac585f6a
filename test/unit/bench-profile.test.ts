// The per-call bench's profile grouping (bench/per-call/profile.ts): each sample's time goes to the
// group of the function it caught, idle time to none, and per call.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { breakdownOf, categoryOf, CATEGORIES } from '../../bench/per-call/profile.ts';
import { projectRoot } from '../../bench/lib/paths.ts';

const root = pathToFileURL(projectRoot).href;
const frame = (functionName: string, url: string) => ({ functionName, url });

describe('per-call profile groups', () => {
  it('names the group of each kind of function', () => {
    expect(categoryOf(frame('send', `${root}/runtime/pipeline.ts`))).toBe("svcgen's runtime and generated code");
    expect(categoryOf(frame('getX', `${root}/generated/acme/operations.js`))).toBe("svcgen's runtime and generated code");
    // A runtime folder outside this checkout is not ours.
    expect(categoryOf(frame('send', 'file:///elsewhere/runtime/pipeline.ts'))).toBe('other JavaScript');
    expect(categoryOf(frame('coreFetch', `${root}/node_modules/openapi-fetch/dist/index.mjs`))).toBe('openapi-fetch');
    expect(categoryOf(frame('_Request', 'node:internal/deps/undici/undici'))).toBe("undici (Node's fetch and its HTTP parser)");
    expect(categoryOf(frame('wasm-function[20]', 'wasm://wasm/0002f80e'))).toBe("undici (Node's fetch and its HTTP parser)");
    expect(categoryOf(frame('insert', 'node:internal/timers'))).toBe('timers');
    expect(categoryOf(frame('runMicrotasks', ''))).toBe('promise jobs (microtasks)');
    expect(categoryOf(frame('(garbage collector)', ''))).toBe('garbage collector');
    expect(categoryOf(frame('writeLatin1String', ''))).toBe('native functions (socket writes, buffers, …)');
    expect(categoryOf(frame('ReadableStream', 'node:internal/webstreams/readablestream'))).toBe('other Node internals (streams, events, …)');
    expect(categoryOf(frame('(program)', ''))).toBe('V8 and native, unattributed');
    expect(categoryOf(frame('(idle)', ''))).toBeUndefined();
  });

  it('charges each sample its time delta, per call, leaving idle time out', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(idle)', '') },
        { id: 2, callFrame: frame('send', `${root}/runtime/pipeline.ts`) },
        { id: 3, callFrame: frame('(garbage collector)', '') },
      ],
      samples: [2, 1, 3, 2],
      timeDeltas: [10, 500, 30, 50],
    };
    const breakdown = breakdownOf(profile, 4);
    expect(breakdown["svcgen's runtime and generated code"]).toBe(15);
    expect(breakdown['garbage collector']).toBe(7.5);
    expect(Object.keys(breakdown)).toEqual([...CATEGORIES]);
    expect(CATEGORIES.reduce((sum, c) => sum + breakdown[c], 0)).toBe(22.5);
  });
});
