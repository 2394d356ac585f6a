// The parts of a multipart body, as FormData or as a server parses the wire bytes, for comparing
// two encoders' output.
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
