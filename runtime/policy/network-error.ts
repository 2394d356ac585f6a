import { NetworkError } from './errors.ts';

// Codes raised while connecting: the request bytes were never written, so even an unsafe
// request may be retried. Everything else (resets, "other side closed") leaves the outcome unknown.
const NOT_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT)$/;

/** The first system error code in an error's cause chain (undici nests them; workerd has none). */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, errors, cause } = e as { code?: unknown; errors?: unknown[]; cause?: unknown };
    if (typeof code === 'string') return code;
    // AggregateError: every address of a host was tried.
    e = Array.isArray(errors) && errors.length > 0 ? errors[0] : cause;
  }
  return undefined;
}

/** Wraps a transport rejection; the message names only the operation and the code. */
export function toNetworkError(operationId: string, error: unknown): NetworkError {
  if (error instanceof NetworkError) return error;
  const code = errorCode(error);
  return new NetworkError(`${operationId}: network error${code ? ` (${code})` : ''}`, code, NOT_SENT.test(code ?? ''), error);
}
