// A chat's stream over a WebSocket (the `ws` package, from node_modules), opened as the portal
// opens it: the session cookie and the portal's own origin. Counts the time from the upgrade
// request to the first `status` event, hears messages by id, and counts a close the client did
// not ask for as an error.
import { createRequire } from 'node:module';
import { API, Client } from './client';
import { Stats } from './stats';

type WsModule = typeof import('ws');
let ws: WsModule | null | undefined;

/** The `ws` package, or `null` when it is not installed (the chat then runs over HTTP only). */
export function wsPackage(): WsModule | null {
  if (ws === undefined) {
    try {
      ws = createRequire(`${process.cwd()}/package.json`)('ws') as WsModule;
    } catch {
      ws = null;
    }
  }
  return ws;
}

const HEAR_TIMEOUT_MS = 10_000;

export interface Stream {
  /** Resolves true when the message with this id arrives on the stream, false after 10 s. */
  hear(id: string): Promise<boolean>;
  close(): void;
}

export async function openStream(client: Client, chatId: string, stats: Stats): Promise<Stream | undefined> {
  const WebSocket = wsPackage()!.WebSocket;
  const url = `${client.base.replace(/^http/, 'ws')}${API}/chats/${chatId}/stream?after=0`;
  const started = performance.now();
  const socket = new WebSocket(url, { headers: { Cookie: client.cookie }, origin: client.base });
  const waiting = new Map<string, (heard: boolean) => void>();
  const heard = new Set<string>();
  let closing = false;
  const opened = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), HEAR_TIMEOUT_MS);
    socket.on('message', (data) => {
      let event: any;
      try { event = JSON.parse(data.toString()); } catch { return; }
      if (event.type === 'status') { clearTimeout(timer); resolve(true); }
      if (event.type === 'message') {
        const id = event.message?.id;
        heard.add(id);
        waiting.get(id)?.(true);
        waiting.delete(id);
      }
    });
    // Each failure counted once: a refused upgrade or a socket error, then no close on top.
    socket.on('unexpected-response', (req, res) => {
      closing = true;
      stats.fail('WS /chats/{id}/stream', String(res.statusCode));
      req.destroy();
      clearTimeout(timer);
      resolve(false);
    });
    socket.on('error', () => {
      if (!closing) stats.fail('WS /chats/{id}/stream', 'error');
      closing = true;
      clearTimeout(timer);
      resolve(false);
    });
    socket.on('close', (code) => {
      if (!closing) stats.fail('WS /chats/{id}/stream', `close ${code}`);
      for (const done of waiting.values()) done(false);
      waiting.clear();
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!opened) {
    closing = true;
    socket.terminate();
    return undefined;
  }
  stats.record('WS /chats/{id}/stream (to status)', performance.now() - started);
  return {
    hear(id: string) {
      if (heard.has(id)) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => { waiting.delete(id); resolve(false); }, HEAR_TIMEOUT_MS);
        waiting.set(id, (ok) => { clearTimeout(timer); resolve(ok); });
      });
    },
    close() {
      closing = true;
      socket.close(1000);
    },
  };
}
