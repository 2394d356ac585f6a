import type { Clock } from './clock.ts';
import { RequestNotSentError, TimeoutError } from './errors.ts';
import { toNetworkError } from './network-error.ts';

/** What the pipeline passes beside the request: its attempt signal, and the buffered body. */
export interface TransportInit {
  signal?: AbortSignal;
  body?: ArrayBuffer;
}

/**
 * The transport under the pipeline: `globalThis.fetch` or anything shaped like it. Each attempt
 * gets an unread Request (carrying the buffered body, if any) and, in `init`, the attempt's
 * signal and that body: a custom transport should call `fetch(request, init)`. One that ignores
 * `init` still works and still times out; it just cannot be cancelled underneath.
 */
export type Transport = (request: Request, init?: TransportInit) => Promise<Response>;

/**
 * One attempt: the transport call raced against the attempt's time limit and the caller's
 * signals. Rejects with TimeoutError, the caller's abort reason, or a NetworkError.
 */
export function attempt(
  transport: Transport,
  request: Request,
  body: ArrayBuffer | undefined,
  operationId: string,
  timeoutMs: number,
  scope: 'attempt' | 'total',
  /** The limit the TimeoutError reports: the whole budget when the deadline cut the attempt short. */
  reportedMs: number,
  clock: Clock,
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const aborted = a?.aborted ? a : b?.aborted ? b : undefined;
    if (aborted) return reject(aborted.reason);
    const controller = new AbortController();
    let settled = false;
    const settle = () => {
      settled = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      a?.removeEventListener('abort', onAbort);
      b?.removeEventListener('abort', onAbort);
    };
    const onAbort = function (this: AbortSignal) {
      if (settled) return;
      settle();
      controller.abort(this.reason);
      reject(this.reason);
    };
    const timer =
      timeoutMs > 0 && timeoutMs !== Infinity
        ? clock.setTimeout(() => {
            if (settled) return;
            settle();
            const error = new TimeoutError(operationId, scope, reportedMs);
            controller.abort(error);
            reject(error);
          }, timeoutMs)
        : undefined;
    a?.addEventListener('abort', onAbort);
    b?.addEventListener('abort', onAbort);
    let pending: Promise<Response>;
    try {
      pending = transport(request, body === undefined ? { signal: controller.signal } : { signal: controller.signal, body });
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (response) => {
        if (settled) return void response.body?.cancel().catch(() => {});
        settle();
        resolve(response);
      },
      (error: unknown) => {
        if (settled) return;
        settle();
        reject(error instanceof RequestNotSentError ? error : toNetworkError(operationId, error));
      },
    );
  });
}
