// One simulated person, signed in once at the start, then visiting the portal over and over
// until the budget is spent, with a think time between steps: the session and home page, their
// case list, a filtered and a searched list of the organisation's cases, one case and its
// thread; often filing a case (Idempotency-Key, now and then sent twice as after a lost answer)
// and replying to one of theirs (with a key too, as the app does); sometimes a chat (started,
// its stream opened over a WebSocket, a few messages each awaited on the stream, the resync the
// app does after a reconnect, ended); rarely signing out and in again.
import { randomUUID } from 'node:crypto';
import { Budget, Client, Spent } from './client';
import { Stats } from './stats';
import { openStream, Stream } from './stream';
import { prng } from '../../support/prng';

export const PASSWORD = 'Support-Demo-1';

/** `load-<n>@bench.example`: the accounts `--demo-users` makes. */
export const email = (n: number) => `load-${n}@bench.example`;


const WORDS = ['export', 'dashboard', 'segment', 'report', 'login', 'invoice', 'latency', 'alert', 'audience', 'import'];
const PRODUCTS = ['analytics', 'target', 'audience_manager'];
const PRIORITIES = ['p2', 'p3', 'p4'];

export interface Mix {
  /** Mean pause between two steps of a person, in ms (each pause is 0.5 to 1.5 times it). */
  thinkMs: number;
  /** Chat messages a person sends in one chat. */
  chatMessages: number;
  /** Whether the chat stream is opened (the `ws` package is there). */
  websocket: boolean;
}

export class User {
  readonly client: Client;
  private readonly random: () => number;
  private filed = 0;

  constructor(readonly n: number, base: string, private readonly stats: () => Stats, budget: () => Budget | undefined, private readonly mix: Mix, seed: number) {
    this.client = new Client(base, stats, budget);
    this.random = prng(seed * 7919 + n);
  }

  private pick<T>(xs: T[]): T {
    return xs[Math.floor(this.random() * xs.length)];
  }

  private think(): Promise<void> {
    const ms = this.mix.thinkMs * (0.5 + this.random());
    return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
  }

  async signIn(): Promise<boolean> {
    const res = await this.client.call('POST /session', 'POST', '/session', { email: email(this.n), password: PASSWORD });
    return res !== undefined;
  }

  /** Visits until the budget is spent. */
  async run(): Promise<void> {
    try {
      for (;;) await this.visit();
    } catch (e) {
      if (!(e instanceof Spent)) throw e;
    }
  }

  private async visit(): Promise<void> {
    const c = this.client;
    await c.call('GET /session', 'GET', '/session');
    await c.call('GET /home', 'GET', '/home');
    await this.think();
    const mine = await c.call('GET /cases', 'GET', '/cases');
    await this.think();
    const status = this.random() < 0.5 ? 'new,in_progress' : 'awaiting_your_reply';
    await c.call('GET /cases (filtered)', 'GET', `/cases?scope=organisation&status=${status}&priority=${this.pick(PRIORITIES)}&product=${this.pick(PRODUCTS)}`);
    await this.think();
    const found = await c.call('GET /cases?q= (search)', 'GET', `/cases?scope=organisation&q=${this.pick(WORDS)}`);
    const listed: any[] = [...(mine?.body?.items ?? []), ...(found?.body?.items ?? [])];
    if (listed.length > 0) {
      const id = this.pick(listed).id;
      await this.think();
      await c.call('GET /cases/{id}', 'GET', `/cases/${id}`);
      await c.call('GET /cases/{id}/thread', 'GET', `/cases/${id}/thread`);
    }
    if (this.filed === 0 || this.random() < 0.4) await this.fileCase();
    const open: any[] = (mine?.body?.items ?? []).filter((x: any) => x.status !== 'closed');
    if (open.length > 0 && this.random() < 0.6) {
      await this.think();
      await c.call('POST /cases/{id}/comments', 'POST', `/cases/${this.pick(open).id}/comments`, { body: `Any news? (${randomUUID()})` }, { 'Idempotency-Key': randomUUID() });
    }
    if (this.random() < 0.35) await this.chat();
    if (this.random() < 0.03) {
      await this.think();
      await c.call('DELETE /session', 'DELETE', '/session');
      await c.call('POST /session (again)', 'POST', '/session', { email: email(this.n), password: PASSWORD });
    }
    await this.think();
  }

  private async fileCase(): Promise<void> {
    const c = this.client;
    const word = this.pick(WORDS);
    const product = this.pick(PRODUCTS);
    await this.think();
    await c.call('GET /cases/similar', 'GET', `/cases/similar?product=${product}&text=${encodeURIComponent(`The ${word} fails`)}`);
    const key = randomUUID();
    const body = {
      product, priority: this.pick(PRIORITIES),
      title: `The ${word} fails for user ${this.n} (${++this.filed})`,
      description: `Since this morning the ${word} page shows an error for everyone in the team. Steps: open it, wait.`,
      contact_phone: '+44 20 7946 0000', time_zone: 'Europe/London',
    };
    await c.call('POST /cases', 'POST', '/cases', body, { 'Idempotency-Key': key }, [201]);
    // The app resends a filing whose answer it did not get with the same key: one case, 200.
    if (this.random() < 0.1) await c.call('POST /cases (same key again)', 'POST', '/cases', body, { 'Idempotency-Key': key }, [200]);
  }

  private async chat(): Promise<void> {
    const c = this.client;
    await this.think();
    const started = await c.call('POST /chats', 'POST', '/chats', { product: 'analytics', topic: 'Load test', summary: `Person ${this.n} asks about exports` }, {}, [200, 201]);
    if (!started) return;
    const id: string = started.body.id;
    let stream: Stream | undefined;
    if (this.mix.websocket) stream = await openStream(c, id, this.stats());
    let last = 0;
    try {
      for (let i = 0; i < this.mix.chatMessages; i++) {
        await this.think();
        const msg = `load-${randomUUID()}`;
        const heard = stream?.hear(msg);
        const t0 = performance.now();
        const sent = await c.call('POST /chats/{id}/messages', 'POST', `/chats/${id}/messages`, { id: msg, body: `Question ${i + 1} from person ${this.n}` }, {}, [201]);
        if (sent) last = Math.max(last, sent.body.seq);
        if (heard && sent) {
          if (await heard) this.stats().record('WS message event (from POST)', performance.now() - t0);
          else this.stats().fail('WS message event (from POST)', 'missing');
        }
      }
      // What the app asks after a reconnect: everything after the last message it has.
      await c.call('GET /chats/{id}/messages?after=', 'GET', `/chats/${id}/messages?after=${Math.max(0, last - 1)}`);
      await this.think();
    } finally {
      // Ended even when the budget runs out mid-chat: a person has one open chat at a time.
      await c.call('POST /chats/{id}/end', 'POST', `/chats/${id}/end`).catch(() => undefined);
      stream?.close();
    }
  }
}
