// Faults the stand-in can be told to answer with, per route, for the reliability tests: an error status
// with GitHub's headers and body, a slow answer, a dropped connection, a write stored before the error
// (GitHub answered 5xx but had kept it), and the primary rate limit running out.

/** A reply to give instead of (or, with `commit`, after applying) the real one. */
export interface Fault {
  method: string;
  /** Matched against the decoded path without the query (and without GHES's `/api/v3`). */
  path: RegExp;
  /** How many matching requests fail; then the route works again. Default 1; `Infinity` for ever. */
  times?: number;
  /** Default 500. */
  status?: number;
  headers?: Record<string, string>;
  /** JSON body; default `{ message: 'Server Error' }`. */
  body?: unknown;
  /**
   * Close the connection without an answer instead. Over real HTTP both kinds look the same to the
   * client (the socket ends with no response: a reset, or an idle timeout at a proxy); `delayMs` first
   * makes it a slow one.
   */
  error?: 'ECONNRESET' | 'ETIMEDOUT';
  /** Wait this long before answering (a slow or timing-out upstream). */
  delayMs?: number;
  /** Apply the request first, then fail: GitHub answered 5xx but had stored the write. */
  commit?: boolean;
}

export interface Faults {
  inject(fault: Fault): Fault;
  /** The fault that answers this request, if any (counted as used). */
  take(method: string, path: string): Fault | undefined;
}

export function createFaults(): Faults {
  const faults: (Fault & { left: number })[] = [];
  return {
    inject(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
      return fault;
    },
    take(method, path) {
      const fault = faults.find((f) => f.left > 0 && f.method === method && f.path.test(path));
      if (fault) fault.left -= 1;
      return fault;
    },
  };
}

/** GitHub's primary rate limit: a budget of requests per window; a 304 costs nothing. */
export interface RateLimit {
  limit: number;
  used: number;
  /** Epoch seconds when the window resets. */
  reset: number;
  /** Once set with `setRateLimit`, an exhausted budget is refused with 403, as GitHub does. */
  enforced: boolean;
}

export function createRateLimit(): RateLimit {
  return { limit: 5000, used: 0, reset: Math.floor(Date.now() / 1000) + 3600, enforced: false };
}

/** `x-ratelimit-*` headers as GitHub sends them on every answer. */
export function rateLimitHeaders(rate: RateLimit): Record<string, string> {
  return {
    'x-ratelimit-limit': String(rate.limit),
    'x-ratelimit-remaining': String(Math.max(0, rate.limit - rate.used)),
    'x-ratelimit-used': String(rate.used),
    'x-ratelimit-reset': String(rate.reset),
    'x-ratelimit-resource': 'core',
  };
}

/** Counts an answer against the budget. Unenforced, a spent budget starts a new window (no refusals). */
export function spend(rate: RateLimit, status: number): void {
  if (status === 304) return;
  rate.used += 1;
  if (!rate.enforced && rate.used >= rate.limit) rate.used = 0;
}

export const RATE_LIMITED = {
  message: 'API rate limit exceeded for installation ID 1.',
  documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
};
