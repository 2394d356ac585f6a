// What counts as "Prism found something wrong with the request". Prism reports validation
// results in the `sl-violations` header (JSON array of {location, severity, code, message});
// routing and negotiation failures come back as problem+json bodies whose `type` names the error.
// When the spec has no error response to answer with, Prism instead sends a 422 problem+json whose
// `validation` array lists the violations (locations without the leading "request") and sets no
// header: both places are read. Only request-side problems fail a contract test: a mock that cannot produce a response (no
// example, schema too complex) says nothing about what the client sent.

export interface Violation {
  location?: unknown[];
  severity?: string;
  code?: unknown;
  message?: string;
}

/** Prism error types that mean the request itself did not match the spec. */
const REQUEST_ERRORS = new Set([
  'NO_PATH_MATCHED_ERROR',
  'NO_METHOD_MATCHED_ERROR',
  'NO_SERVER_MATCHED_ERROR',
  'NO_SERVER_CONFIGURATION_PROVIDED_ERROR',
  'NO_RESOURCE_PROVIDED_ERROR',
  'NO_BASE_URL_ERROR',
  'UNPROCESSABLE_ENTITY',
  'UNAUTHORIZED',
  'INVALID_CONTENT_TYPE',
  'NOT_ACCEPTABLE',
]);

export function parseViolations(header: string | null): Violation[] {
  if (!header) return [];
  try {
    const parsed: unknown = JSON.parse(header);
    return Array.isArray(parsed) ? (parsed as Violation[]) : [];
  } catch {
    return [{ severity: 'Error', location: ['request'], message: `unreadable sl-violations header: ${header.slice(0, 200)}` }];
  }
}

export function isRequestError(violation: Violation): boolean {
  const location = Array.isArray(violation.location) ? violation.location : [];
  return String(violation.severity).toLowerCase() === 'error' && location[0] === 'request';
}

export function describeViolation(violation: Violation): string {
  const where = Array.isArray(violation.location) ? violation.location.slice(1).join('.') : '';
  return `${where ? `${where}: ` : ''}${violation.message ?? String(violation.code)}`;
}

export interface PrismProblem {
  /** `…/errors#NO_PATH_MATCHED_ERROR` → `NO_PATH_MATCHED_ERROR` */
  type: string | undefined;
  detail: string | undefined;
  /** Input violations Prism listed in the body (only on its own 422 answers). */
  validation: Violation[];
}

/** Reads a Prism problem+json body; undefined when it is not one. */
export function parsePrismProblem(body: string): PrismProblem | undefined {
  try {
    const parsed = JSON.parse(body) as { type?: unknown; detail?: unknown; validation?: unknown };
    const type = typeof parsed.type === 'string' ? parsed.type : '';
    const hash = type.lastIndexOf('#');
    const validation = Array.isArray(parsed.validation) ? (parsed.validation as Violation[]) : [];
    const detail = typeof parsed.detail === 'string' ? parsed.detail : undefined;
    return { type: hash >= 0 ? type.slice(hash + 1) : undefined, detail, validation };
  } catch {
    return undefined;
  }
}

export function isRequestErrorType(type: string | undefined): boolean {
  return type !== undefined && REQUEST_ERRORS.has(type);
}
