// The crash test's HTTP client and random numbers: plain fetch (no browser), one session
// cookie per client, the header scripted clients send on state changes. A request the kill cuts
// off rejects, so the test knows exactly which writes were answered.
import { expect } from '@playwright/test';
import { SCRIPTED } from '../support/scripted';
import { prng } from '../support/prng';

export { prng };

const API = '/api/v1';


export interface Answer {
  status: number;
  body: any;
  etag: string | null;
}

/** A signed-in client: one session cookie, kept across restarts (sessions live in the database). */
export class Client {
  private cookie = '';

  /** `base` gives the backend's current address: each restart listens on a new port. */
  constructor(readonly label: string, private readonly base: () => string) {}

  /** One request; throws when no whole answer arrives (the backend died under it). */
  async call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(`${this.base()}${API}${url}`, {
      method,
      headers: { ...SCRIPTED, 'Content-Type': 'application/json', Cookie: this.cookie, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    for (const c of res.headers.getSetCookie()) {
      const m = c.match(/^(sp_session=[^;]+)/);
      if (m) this.cookie = m[1];
    }
    let parsed: any = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON: keep the text */ }
    return { status: res.status, body: parsed, etag: res.headers.get('etag') };
  }

  async signIn(email: string, password: string): Promise<void> {
    const res = await this.call('POST', '/session', { email, password });
    expect(res.status, `${this.label} signs in`).toBe(200);
  }

  /** A request the test needs answered with `status` (recovery and checks, never mid-crash). */
  async expectStatus(method: string, url: string, status: number | number[], body?: unknown, headers?: Record<string, string>): Promise<Answer> {
    const res = await this.call(method, url, body, headers);
    const ok = Array.isArray(status) ? status : [status];
    expect(ok, `${this.label} ${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
    return res;
  }

  /** Every item of a paged list (`items`, `next_cursor`). */
  async all(url: string): Promise<any[]> {
    const items: any[] = [];
    let cursor: string | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const page = await this.expectStatus('GET', `${url}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`, 200);
      items.push(...page.body.items);
      cursor = page.body.next_cursor ?? null;
    } while (cursor);
    return items;
  }
}
