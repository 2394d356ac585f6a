import type { Clock } from './clock.ts';
import { RequestNotSentError, TimeoutError } from './errors.ts';
import { toNetworkError } from './network-error.ts';
import { guard } from './sleep.ts';

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
  return guard(
    clock,
    timeoutMs > 0 ? timeoutMs : Infinity,
    a,
    b,
    () => new TimeoutError(operationId, scope, reportedMs),
    (signal) => transport(request, body === undefined ? { signal } : { signal, body }),
    (error) => (error instanceof RequestNotSentError ? error : toNetworkError(operationId, error)),
    (response) => void response.body?.cancel().catch(() => {}),
  );
}
