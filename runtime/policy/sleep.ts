import type { Clock } from './clock.ts';

/**
 * The longest delay a timer keeps: Node and workerd fire a longer one (2^31 ms and up, about 24.8
 * days) after 1 ms. A limit beyond it is no limit here, rather than one that ends everything at once.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Races `work` against a time limit and two signals: settles with work's outcome (a rejection
 * passed through `failure`), unless `ms` passes first (rejects with `timeout()`, or resolves when
 * there is none) or a signal aborts (rejects with its reason). A timeout or an abort also aborts
 * work's signal; a result that comes after the end goes to `late`. With `hold`, work's result
 * keeps the time limit and the signals watching until the release `hold` is given is called: a
 * timeout or an abort before then still aborts work's signal (fetch then cancels the body). An
 * attempt and a wait share this, so a bundle carries the timer and listener bookkeeping once.
 */
export function guard<T>(
  clock: Clock,
  ms: number,
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
  timeout?: () => unknown,
  work?: (signal: AbortSignal) => Promise<T>,
  failure?: (error: unknown) => unknown,
  late?: (value: T) => void,
  hold?: (release: () => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const aborted = a?.aborted ? a : b?.aborted ? b : undefined;
    if (aborted) return reject(aborted.reason);
    const controller = new AbortController();
    let settled = false;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      a?.removeEventListener('abort', onAbort);
      b?.removeEventListener('abort', onAbort);
    };
    const end = (ok: boolean, value: unknown, abort?: boolean) => {
      // Settled but held: the result is out, and a timeout or an abort now cancels what is still
      // being read from it (a response body: fetch cancels it with work's signal).
      if (settled) {
        if (abort && !released) (release(), controller.abort(value));
        return;
      }
      settled = true;
      release();
      if (abort) controller.abort(value);
      (ok ? resolve : reject)(value as T);
    };
    const onAbort = function (this: AbortSignal) {
      end(false, this.reason, true);
    };
    const timer = ms <= MAX_TIMER_MS ? clock.setTimeout(() => (timeout ? end(false, timeout(), true) : end(true, undefined)), ms) : undefined;
    a?.addEventListener('abort', onAbort);
    b?.addEventListener('abort', onAbort);
    if (!work) return;
    let pending: Promise<T>;
    try {
      pending = work(controller.signal);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (value) => {
        if (settled) return late?.(value);
        if (!hold) return end(true, value);
        settled = true;
        hold(release);
        resolve(value);
      },
      (error: unknown) => settled || end(false, failure ? failure(error) : error),
    );
  });
}

/**
 * Waits `ms`, or rejects with the abort reason as soon as either signal aborts, so a caller's
 * cancellation never sits out a backoff or a rate-limit wait.
 */
export function sleep(clock: Clock, ms: number, a?: AbortSignal, b?: AbortSignal): Promise<void> {
  return guard<void>(clock, ms, a, b);
}
