// A fault-injecting proxy for the tests, on loopback between the browser and a reference
// backend: it passes everything through, except that a share of the API's requests (`rate`,
// drawn from a seeded generator so that a run can be repeated) get a fault instead: a 500, a 429
// or a 503 with `Retry-After`, an answer 5 s late, a body cut short, or a connection reset, before
// the backend saw the request or after it did its work. Chat streams pass through, and a share of
// their upgrades is reset too. It records what it injected and when every API request arrived,
// so a test can check that `Retry-After` was waited out.
import http from 'node:http';
import net from 'node:net';
import { prng } from './prng';

/** What the proxy can do to one request. The `-after` faults reach the backend first: the
 *  change is made, the answer is lost. */
export type Fault =
  | 'server-error' | 'busy' | 'unavailable' | 'slow'
  | 'reset-before' | 'truncated-after' | 'reset-after' | 'gateway-timeout-after';

export const FAULTS: Fault[] = [
  'server-error', 'busy', 'unavailable', 'slow',
  'reset-before', 'truncated-after', 'reset-after', 'gateway-timeout-after',
];

export interface Injected { at: number; method: string; path: string; fault: Fault; retryAfterSecs?: number }
export interface Arrival { at: number; method: string; path: string }

export interface FaultPlan {
  /** The generator's seed: the same seed draws the same faults for the same requests. */
  seed: number;
  /** The share of API requests that get a fault (0.1: one in ten). */
  rate: number;
  /** A fault this request must get (`null`: none), overriding the draw; `undefined` draws. */
  choose?: (method: string, path: string, headers: http.IncomingHttpHeaders, body: Buffer) => Fault | null | undefined;
  /** How late a `slow` answer is (ms). */
  slowMs?: number;
}

export interface FaultProxy {
  url: string;
  injected: Injected[];
  arrivals: Arrival[];
  /** Stream upgrades reset. */
  streamResets: number;
  /** Resets every open chat stream, as a dropped link does; returns how many. */
  cutStreams(): number;
  /** Changes the share of requests that get a fault from now on. */
  setRate(rate: number): void;
  /** API requests that arrived while a `Retry-After` this proxy sent still ran (allowing
   *  `graceMs` after sending it, for requests the browser had already sent). */
  earlyArrivals(graceMs?: number): Arrival[];
  stop(): Promise<void>;
}


interface Upstream { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** Starts a proxy on 127.0.0.1 in front of `target` (the backend's `http://127.0.0.1:port`). */
export async function startFaultProxy(target: string, plan: FaultPlan): Promise<FaultProxy> {
  const backend = new URL(target);
  const random = prng(plan.seed);
  let rate = plan.rate;
  const injected: Injected[] = [];
  const arrivals: Arrival[] = [];
  const sockets = new Set<net.Socket>();
  const streams = new Set<net.Socket>();
  let streamResets = 0;

  const draw = (method: string, path: string, headers: http.IncomingHttpHeaders, body: Buffer): Fault | null => {
    const chosen = plan.choose?.(method, path, headers, body);
    if (chosen !== undefined) return chosen;
    if (random() >= rate) return null;
    return FAULTS[Math.floor(random() * FAULTS.length)];
  };

  const forward = (req: http.IncomingMessage, body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const up = http.request({
        host: backend.hostname, port: backend.port, method: req.method, path: req.url, headers: req.headers,
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      up.on('error', reject);
      up.end(body);
    });

  const answer = (res: http.ServerResponse, up: Upstream, cut = false) => {
    const headers = { ...up.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(up.body.length);
    res.writeHead(up.status, headers);
    if (!cut) { res.end(up.body); return; }
    // Half the body, then the connection drops: the browser sees a body cut short.
    res.write(up.body.subarray(0, Math.floor(up.body.length / 2)), () => res.socket?.resetAndDestroy());
  };

  const plain = (res: http.ServerResponse, status: number, text: string, retryAfterSecs?: number) => {
    const headers: Record<string, string> = { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(text)) };
    if (retryAfterSecs !== undefined) headers['retry-after'] = String(retryAfterSecs);
    res.writeHead(status, headers);
    res.end(text);
  };

  const server = http.createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0];
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const api = path.startsWith('/api/');
    const fault = api ? draw(method, path, req.headers, body) : null;
    const now = Date.now();
    if (api) arrivals.push({ at: now, method, path });
    const note = (f: Fault, retryAfterSecs?: number) => injected.push({ at: Date.now(), method, path, fault: f, retryAfterSecs });
    try {
      switch (fault) {
        case 'server-error': note(fault); return plain(res, 500, 'Internal Server Error');
        case 'busy': { const s = 1 + Math.floor(random() * 2); note(fault, s); return plain(res, 429, 'Too Many Requests', s); }
        case 'unavailable': { const s = 1 + Math.floor(random() * 2); note(fault, s); return plain(res, 503, 'Service Unavailable', s); }
        case 'reset-before': note(fault); req.socket.resetAndDestroy(); return;
        case 'slow': note(fault); await new Promise((r) => setTimeout(r, plan.slowMs ?? 5_000)); break;
        default: break;
      }
      const up = await forward(req, body);
      switch (fault) {
        case 'truncated-after':
          // An empty body cannot be cut short: the connection drops instead.
          note(fault);
          if (up.body.length < 2) { req.socket.resetAndDestroy(); return; }
          return answer(res, up, true);
        case 'reset-after': note(fault); req.socket.resetAndDestroy(); return;
        case 'gateway-timeout-after': note(fault); return plain(res, 504, 'Gateway Timeout');
        default: return answer(res, up);
      }
    } catch {
      if (!res.headersSent) plain(res, 502, 'Bad Gateway');
      else res.destroy();
    }
  });

  // Chat streams: the upgrade and everything after it pass through as bytes; a share of the
  // upgrades is reset before the backend sees them, and the client must reconnect.
  server.on('upgrade', (req, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    streams.add(client);
    client.on('close', () => { sockets.delete(client); streams.delete(client); });
    if (random() < rate) {
      streamResets++;
      client.resetAndDestroy();
      return;
    }
    const up = net.connect(Number(backend.port), backend.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      up.write(lines.join('\r\n') + '\r\n\r\n');
      if (head.length) up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    sockets.add(up);
    up.on('close', () => { sockets.delete(up); client.destroy(); });
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
    client.on('close', () => up.destroy());
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    injected,
    arrivals,
    get streamResets() { return streamResets; },
    cutStreams() {
      const open = [...streams];
      for (const s of open) s.resetAndDestroy();
      streamResets += open.length;
      return open.length;
    },
    setRate(r: number) { rate = r; },
    earlyArrivals(graceMs = 300) {
      const waits = injected.filter((i) => i.retryAfterSecs !== undefined);
      return arrivals.filter((a) => waits.some((w) => a.at > w.at + graceMs && a.at < w.at + w.retryAfterSecs! * 1000));
    },
    stop() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
