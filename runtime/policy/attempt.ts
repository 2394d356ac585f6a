// What an attempt hands the transport, and what becomes of a response nobody reads. The attempt
// itself (the transport raced against its time limit and the caller's signals) is one guard()
// call in the pipeline: a wrapper here would pass its ten arguments on once more in every bundle.

/** What the pipeline passes beside the request: its attempt signal, and the buffered body (undefined when there is none). */
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

/** Frees the connection of a response nobody will read (one that came after its attempt ended, or a superseded one), if there is one. */
export function release(response: Response | undefined): void {
  void response?.body?.cancel().catch(noop);
}

export const noop = () => {};
