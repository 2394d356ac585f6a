// A multipart body read as RFC 2046 §5.1.1 defines it, for any subtype: no parser in the project
// reads multipart/related or multipart/mixed (Response.formData and Prism's reader take
// multipart/form-data only), so the tests read the wire bytes with this one, written from the RFC
// and independent of runtime/encoding/multipart.ts.
//   body     := preamble? dash-boundary padding CRLF part *( CRLF dash-boundary padding CRLF part )
//               CRLF dash-boundary "--" padding epilogue?
//   part     := header fields (RFC 822, folded lines allowed) CRLF body-octets
// A delimiter is only recognised at the start of the body or after a CRLF, which belongs to it.

export interface MimePart {
  /** Header fields in order, names as sent. */
  readonly headers: readonly (readonly [string, string])[];
  readonly bytes: Uint8Array;
}

export interface MimeMultipart {
  /** The media type without parameters, lower-cased (`multipart/related`). */
  readonly type: string;
  /** The Content-Type's parameters, names lower-cased. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly parts: readonly MimePart[];
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

/** `type/subtype; name=value; name="quoted"` (RFC 2045 §5.1) into the bare type and its parameters; throws on bad syntax. */
export function parseParameters(field: string): { value: string; parameters: Record<string, string> } {
  const semi = field.indexOf(';');
  const value = (semi < 0 ? field : field.slice(0, semi)).trim();
  const parameters: Record<string, string> = {};
  let rest = semi < 0 ? '' : field.slice(semi + 1);
  while (rest.trim() !== '') {
    rest = rest.trimStart();
    const name = TOKEN.exec(rest)?.[0];
    if (!name || rest[name.length] !== '=') throw new Error(`bad parameter at ${JSON.stringify(rest)} in ${JSON.stringify(field)}`);
    rest = rest.slice(name.length + 1);
    let text: string;
    if (rest.startsWith('"')) {
      let i = 1;
      text = '';
      for (; i < rest.length && rest[i] !== '"'; i++) text += rest[i] === '\\' ? rest[++i] : rest[i];
      if (i >= rest.length) throw new Error(`unterminated quoted string in ${JSON.stringify(field)}`);
      rest = rest.slice(i + 1);
    } else {
      const token = TOKEN.exec(rest)?.[0];
      if (!token) throw new Error(`bad parameter value at ${JSON.stringify(rest)} in ${JSON.stringify(field)}`);
      text = token;
      rest = rest.slice(token.length);
    }
    if (name.toLowerCase() in parameters) throw new Error(`parameter ${name} given twice in ${JSON.stringify(field)}`);
    parameters[name.toLowerCase()] = text;
    rest = rest.trimStart();
    if (rest !== '' && !rest.startsWith(';')) throw new Error(`expected ';' at ${JSON.stringify(rest)} in ${JSON.stringify(field)}`);
    rest = rest.slice(1);
  }
  return { value, parameters };
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const latin1 = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);

/** After a dash-boundary at `at`: `--` for the close delimiter, else transport padding and CRLF. Returns where the next thing starts. */
function afterDelimiter(body: Uint8Array, at: number): { close: boolean; next: number } {
  if (body[at] === 0x2d && body[at + 1] === 0x2d) return { close: true, next: at + 2 };
  let i = at;
  while (body[i] === 0x20 || body[i] === 0x09) i++;
  if (body[i] !== 0x0d || body[i + 1] !== 0x0a) throw new Error(`delimiter not followed by CRLF at byte ${at}`);
  return { close: false, next: i + 2 };
}

function headersOf(block: string): [string, string][] {
  if (block === '') return [];
  const unfolded = block.replace(/\r\n(?=[ \t])/g, '');
  return unfolded.split('\r\n').map((line) => {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`bad header line ${JSON.stringify(line)}`);
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
}

/** Parses `body` sent under `contentType` (any multipart/* type with a boundary). Throws where the body breaks RFC 2046. */
export function parseMultipart(body: ArrayBuffer | Uint8Array, contentType: string): MimeMultipart {
  const { value, parameters } = parseParameters(contentType);
  const boundary = parameters.boundary;
  if (!value.toLowerCase().startsWith('multipart/') || !boundary) throw new Error(`not a multipart type with a boundary: ${contentType}`);
  if (boundary.length > 70 || / $/.test(boundary)) throw new Error(`boundary breaks RFC 2046 §5.1.1: ${JSON.stringify(boundary)}`);
  const bytes = body instanceof Uint8Array ? body : new Uint8Array(body);
  const dash = new TextEncoder().encode(`--${boundary}`);
  const delimiter = new TextEncoder().encode(`\r\n--${boundary}`);
  let first = bytes.length >= dash.length && indexOf(bytes.subarray(0, dash.length), dash, 0) === 0 ? 0 : indexOf(bytes, delimiter, 0);
  if (first < 0) throw new Error('no opening delimiter');
  if (first > 0) first += 2; // the CRLF before it belongs to the delimiter
  let { close, next } = afterDelimiter(bytes, first + dash.length);
  const parts: MimePart[] = [];
  while (!close) {
    const end = indexOf(bytes, delimiter, next);
    if (end < 0) throw new Error('no close delimiter');
    const part = bytes.subarray(next, end);
    // No headers: the part starts with the blank line (or is empty); else headers end at CRLF CRLF.
    const bare = part.length === 0 || (part[0] === 0x0d && part[1] === 0x0a);
    const split = bare ? 0 : indexOf(part, new Uint8Array([0x0d, 0x0a, 0x0d, 0x0a]), 0);
    if (split < 0) throw new Error(`part ${parts.length} has no blank line after its headers`);
    parts.push({ headers: headersOf(latin1(part.subarray(0, split))), bytes: part.slice(bare ? Math.min(2, part.length) : split + 4) });
    ({ close, next } = afterDelimiter(bytes, end + delimiter.length));
  }
  return { type: value.toLowerCase(), parameters, parts };
}

/** The value of header `name` (case-insensitive) of `part`; throws if it is given more than once. */
export function header(part: MimePart, name: string): string | undefined {
  const found = part.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase());
  if (found.length > 1) throw new Error(`${name} given ${found.length} times`);
  return found[0]?.[1];
}
