import type { Clock } from './clock.ts';

/**
 * Waits `ms`, or rejects with the abort reason as soon as either signal aborts, so a caller's
 * cancellation never sits out a backoff or a rate-limit wait.
 */
export function sleep(clock: Clock, ms: number, a?: AbortSignal, b?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = a?.aborted ? a : b?.aborted ? b : undefined;
    if (aborted) return reject(aborted.reason);
    const onAbort = function (this: AbortSignal) {
      clock.clearTimeout(handle);
      done();
      reject(this.reason);
    };
    const done = () => {
      a?.removeEventListener('abort', onAbort);
      b?.removeEventListener('abort', onAbort);
    };
    const handle = clock.setTimeout(() => {
      done();
      resolve();
    }, ms);
    a?.addEventListener('abort', onAbort);
    b?.addEventListener('abort', onAbort);
  });
}
