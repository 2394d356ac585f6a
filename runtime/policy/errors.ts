// Typed failures the pipeline raises instead of a response. Messages carry no request data, so
// they are safe to log as they are.
// Fields are declared, not defined: each constructor sets them in their order, so a bundle
// carries no field list.

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  /** `attempt`: one try exceeded its limit; `total`: the call's overall deadline passed. */
  declare readonly scope: 'attempt' | 'total';
  declare readonly timeoutMs: number;
  constructor(operationId: string, scope: 'attempt' | 'total', timeoutMs: number) {
    super(`${operationId}: ${scope === 'total' ? 'deadline' : 'attempt'} of ${timeoutMs} ms exceeded`);
    this.scope = scope;
    this.timeoutMs = timeoutMs;
  }
}

export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';
  /** Epoch ms from which the breaker lets a probe through. */
  declare readonly retryAt: number;
  declare readonly circuit: string;
  constructor(operationId: string, circuit: string, retryAt: number) {
    super(`${operationId}: circuit ${circuit} is open until ${new Date(retryAt).toISOString()}`);
    this.retryAt = retryAt;
    this.circuit = circuit;
  }
}

export class RateLimitError extends Error {
  override readonly name = 'RateLimitError';
  /** Epoch ms at which a slot frees up. */
  declare readonly retryAt: number;
  declare readonly bucket: string;
  constructor(operationId: string, bucket: string, retryAt: number) {
    super(`${operationId}: rate limit ${bucket} exhausted until ${new Date(retryAt).toISOString()}`);
    this.retryAt = retryAt;
    this.bucket = bucket;
  }
}

/** A transport failure. `cause` keeps the original error (which may quote the URL). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  /** System error code found in the cause chain (`ECONNREFUSED`, `ECONNRESET`, …). */
  declare readonly code: string | undefined;
  /** True only when the code proves the request never reached the server. */
  declare readonly notSent: boolean;
  constructor(message: string, code: string | undefined, notSent: boolean, cause: unknown) {
    super(message, { cause });
    this.code = code;
    this.notSent = notSent;
  }
}

/**
 * Raised by the client's own code in the transport before anything is sent (a credential it
 * cannot send, say): the pipeline passes it through as it is, neither wrapped as a NetworkError
 * nor retried, and the breaker does not count it. A TypeError, like the checks at creation.
 */
export class RequestNotSentError extends TypeError {
  override readonly name = 'RequestNotSentError';
}
