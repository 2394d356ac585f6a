// A success answer that is an event stream (text/event-stream) never ends while the server has
// events to send, so reading it whole (what openapi-fetch does with any body it parses) kept the
// call pending until the server closed, and the per-attempt timeout then failed it. The generator
// asks for such an operation's body as a stream (`parseAs: 'stream'`): the call resolves as soon as
// the response starts, and this ties the caller's signal to the stream. The pipeline stops
// listening to that signal when the response starts (its timeouts bound the wait for a response,
// not the reading of one), so without this an abort after that point would leave the stream open.

export async function eventStreamBody(data: unknown, _response: Response, signal?: AbortSignal): Promise<unknown> {
  if (!signal || !(data instanceof ReadableStream)) return data;
  // Aborting the signal cancels the response body (closing the connection) and errors what the caller reads.
  return data.pipeThrough(new TransformStream<Uint8Array, Uint8Array>(), { signal });
}
