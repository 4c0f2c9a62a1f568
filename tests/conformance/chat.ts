// Helpers of the chat specs: starting a chat from a clean slate (a user has one open chat at a
// time), client message ids, and a WebSocket client for the chat stream that can send the
// session cookie and an Origin (Node's global WebSocket cannot), checking every event against
// the ChatEvent schema of the OpenAPI document.
import { randomUUID } from 'node:crypto';
import { APIRequestContext, expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { API, baseURL, expectDocumented, expectSchema, sessionCookieName } from './contract';

/** A client message id (a UUID, as the app sends). */
export const messageId = (): string => randomUUID();

/** The product to chat about: the first one chat is offered for now (Analytics by default). */
export async function chatProduct(ctx: APIRequestContext): Promise<string> {
  const res = await ctx.get(`${API}/chat/availability`);
  const list = await expectDocumented(res, 'GET', '/chat/availability');
  const open = list.find((a: any) => a.available);
  test.skip(!open, 'chat is not offered for any product on this backend right now');
  return open.product;
}

/** Ends the user's open chat, if any, so that the next POST /chats starts a new one. */
export async function endOpenChats(ctx: APIRequestContext): Promise<void> {
  const chats = await (await ctx.get(`${API}/chats`)).json();
  for (const c of chats.filter((c: any) => c.status === 'queued' || c.status === 'active')) {
    expect((await ctx.post(`${API}/chats/${c.id}/end`)).status()).toBe(200);
  }
}

/** Starts a new chat (expecting 201) and returns it. */
export async function freshChat(ctx: APIRequestContext, topic = 'Conformance chat'): Promise<any> {
  await endOpenChats(ctx);
  const product = await chatProduct(ctx);
  const res = await ctx.post(`${API}/chats`, {
    data: { product, topic, summary: 'The conversion report shows no data since Monday.' },
  });
  const chat = await expectDocumented(res, 'POST', '/chats');
  expect(res.status(), JSON.stringify(chat)).toBe(201);
  return chat;
}

/** Sends a customer message (expecting 201) and returns it. */
export async function send(ctx: APIRequestContext, chatId: string, body: string, id = messageId()): Promise<any> {
  const res = await ctx.post(`${API}/chats/${chatId}/messages`, { data: { id, body } });
  const message = await expectDocumented(res, 'POST', '/chats/{id}/messages');
  expect(res.status(), JSON.stringify(message)).toBe(201);
  return message;
}

/** The `Cookie` header value of a signed-in client's session. */
export async function sessionCookieOf(ctx: APIRequestContext): Promise<string> {
  const state = await ctx.storageState();
  const cookie = state.cookies.find((c) => c.name === sessionCookieName);
  return cookie ? `${cookie.name}=${cookie.value}` : '';
}

/** The stream's URL: ws(s):// on the backend's origin. */
export function streamUrl(chatId: string, after = 0): string {
  return `${baseURL().replace(/^http/, 'ws')}${API}/chats/${chatId}/stream?after=${after}`;
}

/** The backend's own origin, which the stream accepts. */
export const ownOrigin = (): string => new URL(baseURL()).origin;

/** An open chat stream that keeps every event it receives, in order. */
export class ChatStream {
  readonly events: any[] = [];
  closeCode: number | undefined;
  /** A frame that was not a documented event: reported by the next wait. */
  private failure: unknown;
  private waiters: Array<() => void> = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      try {
        const event = JSON.parse(data.toString());
        expectSchema(event, 'ChatEvent');
        this.events.push(event);
      } catch (e) {
        this.failure ??= e;
      }
      this.wake();
    });
    socket.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Opens a chat's stream as the signed-in user of `cookie`, from `origin`. */
  static open(chatId: string, cookie: string, after = 0, origin = ownOrigin()): Promise<ChatStream> {
    const socket = new WebSocket(streamUrl(chatId, after), { headers: { Cookie: cookie, Origin: origin } });
    return new Promise((resolve, reject) => {
      const stream = new ChatStream(socket);
      socket.once('open', () => resolve(stream));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  /** Waits until `count` events arrived and returns the first `count` (heartbeats included). */
  async first(count: number, timeout = 5_000): Promise<any[]> {
    await this.until(() => this.events.length >= count, timeout, `${count} events`);
    if (this.failure) throw this.failure;
    return this.events.slice(0, count);
  }

  /** Waits for the first event after index `from` that matches, and returns it. */
  async next(match: (e: any) => boolean, from = 0, timeout = 5_000): Promise<any> {
    let found: any;
    await this.until(() => {
      found = this.events.slice(from).find(match);
      return found !== undefined;
    }, timeout, 'a matching event');
    if (this.failure) throw this.failure;
    return found;
  }

  private async until(done: () => boolean, timeout: number, what: string): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!done()) {
      if (this.failure) throw this.failure;
      if (this.closeCode !== undefined) throw new Error(`stream closed (${this.closeCode}) before ${what}: ${JSON.stringify(this.events)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeout} ms: ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  /** Waits until the server closes the stream and returns the close code. */
  async closed(timeout: number): Promise<number> {
    const deadline = Date.now() + timeout;
    while (this.closeCode === undefined) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the stream stayed open for ${timeout} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
    return this.closeCode;
  }

  /** Sends a client frame. */
  send(frame: unknown): void {
    this.socket.send(JSON.stringify(frame));
  }

  close(): void {
    this.socket.close();
  }
}

/** Tries to open a stream that must be refused: the status and problem body of the refusal. */
export function refusal(
  chatId: string, cookie: string, origin = ownOrigin(),
): Promise<{ status: number; contentType: string; body: any }> {
  const socket = new WebSocket(streamUrl(chatId), { headers: { Cookie: cookie, Origin: origin } });
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close();
      reject(new Error('the stream opened'));
    });
    socket.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => { text += chunk.toString(); });
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        body: JSON.parse(text || '{}'),
      }));
    });
    socket.once('error', (e) => reject(e));
  });
}
