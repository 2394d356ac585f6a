// The transport the suite hands to the client under test: it forwards each request to Prism and
// records what Prism said about it, so every operation is judged on the exchanges it caused
// (a token-exchange call is a login plus the call itself).
import { prismReadsAsText } from './prism-body-media.ts';
import { describeViolation, isRequestError, isRequestErrorType, parsePrismProblem, parseViolations, type Violation } from './violations.ts';

/** One HTTP exchange seen by the recording transport. */
export interface Exchange {
  method: string;
  url: string;
  /** 0 when no answer came. */
  status: number;
  contentType: string;
  /** Request problems Prism reported. */
  problems: string[];
  /** Mock-side errors that say nothing about the request (e.g. no example to answer with). */
  notes: string[];
}

export type RecordingFetch = (request: Request) => Promise<Response>;

/** `request` sent to `url` instead: same method, headers and body bytes. */
async function withUrl(request: Request, url: URL): Promise<Request> {
  const body = request.body === null ? undefined : await request.arrayBuffer();
  return new Request(url, { method: request.method, headers: request.headers, body, signal: request.signal, redirect: request.redirect });
}

/** Prism answers in milliseconds; a request still open after this got no answer (Prism hangs on some bodies it cannot parse). */
const ANSWER_TIMEOUT_MS = 30_000;

/**
 * Headers Node's fetch (undici) adds to every request that lacks them (measured on Node 22:
 * `accept: *\/*`, `accept-language: *`, `sec-fetch-mode: cors`, `user-agent: node`,
 * `accept-encoding: gzip, deflate`), not the client: a spec whose optional Accept-Language enum
 * leaves out `*` had every request of the client judged wrong for a header it never set.
 */
const NODE_FETCH_HEADERS = new Set(['accept', 'accept-language', 'sec-fetch-mode', 'user-agent', 'accept-encoding']);

/** Whether `violation` (located from "request") is about a header Node's fetch added, not the client. */
function addedByNodeFetch(violation: Violation, sent: Headers): boolean {
  const [, where, name] = Array.isArray(violation.location) ? violation.location : [];
  const header = String(name).toLowerCase();
  return where === 'header' && NODE_FETCH_HEADERS.has(header) && !sent.has(header);
}

function nodeFetchNote(violation: Violation): string {
  return `not the client's: Node's fetch added the header: ${describeViolation(violation)}`;
}

/**
 * Whether `violation` is Prism's verdict that a body it read as text is not the object or array
 * the spec declares (an object schema under application/octet-stream, application/xml,
 * text/plain, image/*): Prism gives it for any bytes, so it says nothing about the client.
 */
function judgedAsText(violation: Violation, sent: Headers): boolean {
  const location = Array.isArray(violation.location) ? violation.location : [];
  const contentType = sent.get('content-type');
  return location.length === 2 && location[1] === 'body' && violation.code === 'type' && /must be (?:object|array)$/.test(violation.message ?? '') && contentType !== null && prismReadsAsText(contentType);
}

function textBodyNote(violation: Violation, sent: Headers): string {
  return `Prism reads a ${sent.get('content-type')} body as text: ${describeViolation(violation)}`;
}

async function judge(response: Response, sent: Headers): Promise<{ problems: string[]; notes: string[] }> {
  const notes: string[] = [];
  const problems: string[] = [];
  for (const violation of parseViolations(response.headers.get('sl-violations')).filter(isRequestError)) {
    if (addedByNodeFetch(violation, sent)) notes.push(nodeFetchNote(violation));
    else if (judgedAsText(violation, sent)) notes.push(textBodyNote(violation, sent));
    else problems.push(describeViolation(violation));
  }
  if (response.status >= 400 && (response.headers.get('content-type') ?? '').includes('problem+json')) {
    const problem = parsePrismProblem(await response.clone().text());
    let excused = false;
    // Prism's own 422 lists input violations in the body, located without the "request" prefix;
    // its 500 under --errors lists the mock's own response violations, located under "response",
    // which say nothing about the request (a response schema the reduction kept whole).
    for (const violation of problem?.validation ?? []) {
      if (String(violation.severity).toLowerCase() !== 'error') continue;
      const location = Array.isArray(violation.location) ? violation.location : [];
      if (location[0] === 'response') {
        notes.push(`mock response: ${describeViolation(violation)}`);
        continue;
      }
      const located = { ...violation, location: location[0] === 'request' ? location : ['request', ...location] };
      if (addedByNodeFetch(located, sent)) {
        notes.push(nodeFetchNote(located));
        excused = true;
      } else if (judgedAsText(located, sent)) {
        notes.push(textBodyNote(located, sent));
        excused = true;
      } else problems.push(describeViolation(located));
    }
    if (problems.length === 0 && problem?.type) {
      // A 422 for headers Node's fetch added, or for a body Prism read as text, only is not the client's either.
      if (isRequestErrorType(problem.type) && !(excused && problem.type === 'UNPROCESSABLE_ENTITY')) problems.push(`Prism ${problem.type} (${response.status})`);
      else notes.push(`Prism ${problem.type} (${response.status})${problem.type === 'UNKNOWN' ? `: ${problem.detail?.slice(0, 120)}` : ''}`);
    }
  }
  return { problems, notes };
}

/**
 * Forwards each request to Prism and records the exchange under the URL the client sent;
 * `reroute` may send a request to another URL of Prism's (the harness's stand-in paths for path
 * keys with a fragment).
 */
export function recordingFetch(exchanges: Exchange[], reroute?: (request: Request) => URL | undefined): RecordingFetch {
  return async (sent) => {
    const seen = { method: sent.method, url: sent.url };
    const target = reroute?.(sent);
    const request = target ? await withUrl(sent, target) : sent;
    let response: Response;
    try {
      response = await fetch(request, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(ANSWER_TIMEOUT_MS)]) });
    } catch (error) {
      exchanges.push({ ...seen, status: 0, contentType: '', problems: [`no answer: ${(error as Error).message}`], notes: [] });
      throw error;
    }
    exchanges.push({ ...seen, status: response.status, contentType: response.headers.get('content-type') ?? '', ...(await judge(response, sent.headers)) });
    return response;
  };
}
