// The transport the suite hands to the client under test: it forwards each request to Prism and
// records what Prism said about it, so every operation is judged on the exchanges it caused
// (a token-exchange call is a login plus the call itself).
import { describeViolation, isRequestError, isRequestErrorType, parsePrismProblem, parseViolations } from './violations.ts';

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

async function judge(response: Response): Promise<{ problems: string[]; notes: string[] }> {
  const problems = parseViolations(response.headers.get('sl-violations')).filter(isRequestError).map(describeViolation);
  const notes: string[] = [];
  if (response.status >= 400 && (response.headers.get('content-type') ?? '').includes('problem+json')) {
    const problem = parsePrismProblem(await response.clone().text());
    // Prism's own 422 lists input violations in the body, located without the "request" prefix;
    // its 500 under --errors lists the mock's own response violations, located under "response",
    // which say nothing about the request (a response schema the reduction kept whole).
    for (const violation of problem?.validation ?? []) {
      if (String(violation.severity).toLowerCase() !== 'error') continue;
      const location = Array.isArray(violation.location) ? violation.location : [];
      if (location[0] === 'response') notes.push(`mock response: ${describeViolation(violation)}`);
      else problems.push(describeViolation({ ...violation, location: location[0] === 'request' ? location : ['request', ...location] }));
    }
    if (problems.length === 0 && problem?.type) {
      if (isRequestErrorType(problem.type)) problems.push(`Prism ${problem.type} (${response.status})`);
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
    exchanges.push({ ...seen, status: response.status, contentType: response.headers.get('content-type') ?? '', ...(await judge(response)) });
    return response;
  };
}
