// The parts of a multipart body, as FormData or as a server parses the wire bytes, for comparing
// two encoders' output, and the header lines of each part as sent.
export type Part = { name: string; value: string } | { name: string; filename: string; type: string; bytes: number[] };

export async function partsOf(form: FormData): Promise<Part[]> {
  const out: Part[] = [];
  for (const [name, value] of form) {
    if (typeof value === 'string') out.push({ name, value });
    else out.push({ name, filename: value.name, type: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] });
  }
  return out;
}

/** Parses a multipart body as a server would. */
export async function partsOfWire(body: BodyInit, contentType: string): Promise<Part[]> {
  return partsOf(await new Response(body, { headers: { 'content-type': contentType } }).formData());
}

/** The header lines of each part of a multipart body, as sent (to see a part's filename and type). */
export function partHeadersOfWire(body: ArrayBuffer, contentType: string): string[][] {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  // latin1 keeps one character per byte, so binary parts cannot break the split.
  const text = new TextDecoder('latin1').decode(body);
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => part.replace(/^\r\n/, '').split('\r\n\r\n')[0]!.split('\r\n'));
}

/** A body encodeMultipart wrote (typed with its boundary), read back: the parts as a server parses them, and each part's header lines joined by " | ". */
export async function readMultipart(body: Blob): Promise<{ parts: Part[]; headers: string[] }> {
  const bytes = await body.arrayBuffer();
  return { parts: await partsOfWire(bytes, body.type), headers: partHeadersOfWire(bytes, body.type).map((lines) => lines.join(' | ')) };
}
