// One simulated person's HTTP client: Node's fetch (keep-alive), the session cookie it was
// given, the header scripted clients send on state changes, and every request timed from
// sending to the last byte of the answer and counted under its endpoint's name. The budget
// bounds the whole run in time and in requests; a request that gets no answer in time is an
// error (`timeout`), never a hang.
import { SCRIPTED } from '../../support/scripted';
import { Stats } from './stats';

export const API = '/api/v1';

/** Ends a run: at its deadline or after its number of requests, whichever comes first. */
export class Budget {
  private started = 0;
  constructor(readonly deadline: number, readonly maxRequests: number) {}
  /** Whether another request may start (and counts it). */
  take(): boolean {
    if (performance.now() >= this.deadline || this.started >= this.maxRequests) return false;
    this.started++;
    return true;
  }
  get open(): boolean {
    return performance.now() < this.deadline && this.started < this.maxRequests;
  }
}

/** Thrown when the budget is spent: the simulated person stops. */
export class Spent extends Error {}

export interface Answer {
  status: number;
  body: any;
}

/** How long one request may take before it counts as failed. */
const REQUEST_TIMEOUT_MS = 30_000;

export class Client {
  cookie = '';

  constructor(readonly base: string, private readonly stats: () => Stats, private readonly budget: () => Budget | undefined) {}

  /** One request, timed and counted as `endpoint`; `undefined` for an unexpected answer (counted
   *  as an error by status) or none at all. */
  async call(endpoint: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}, expected = [200, 201, 204]): Promise<Answer | undefined> {
    const budget = this.budget();
    if (budget && !budget.take()) throw new Spent();
    const raw = body instanceof Uint8Array;
    const started = performance.now();
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${this.base}${API}${url}`, {
        method,
        headers: {
          ...SCRIPTED,
          ...(body === undefined || raw ? {} : { 'Content-Type': 'application/json' }),
          ...(this.cookie ? { Cookie: this.cookie } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : raw ? (body as unknown as RequestInit['body']) : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await res.text();
      status = res.status;
      for (const c of res.headers.getSetCookie()) {
        const m = c.match(/^(sp_session=[^;]*)/);
        if (m) this.cookie = m[1].endsWith('=') ? '' : m[1];
      }
    } catch (e) {
      const name = (e as Error).name;
      this.stats().fail(endpoint, name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network');
      return undefined;
    }
    this.stats().record(endpoint, performance.now() - started);
    if (!expected.includes(status)) {
      this.stats().fail(endpoint, String(status));
      return undefined;
    }
    let parsed: any = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status, body: parsed };
  }
}
