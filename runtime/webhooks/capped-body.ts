// Reading a delivery's body with a size cap. A receiver is open to anyone who finds its URL, so
// it must not buffer whatever a sender streams at it: the body is read chunk by chunk and the
// read stops as soon as the cap is passed. A declared Content-Length over the cap is refused
// before reading anything; a lying or absent one changes nothing, the bytes are counted.

/** The body's bytes, or `undefined` when it is longer than `maxBytes` (the rest is not read). */
export async function readCappedBody(request: Request, maxBytes: number): Promise<ArrayBuffer | undefined> {
  const declared = request.headers.get('content-length');
  const stream = request.body;
  if (declared !== null && Number(declared) > maxBytes) {
    void stream?.cancel().catch(() => {});
    return undefined;
  }
  if (stream === null) return new ArrayBuffer(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body.buffer;
}
