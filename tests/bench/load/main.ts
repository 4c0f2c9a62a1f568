// The load benchmark (`make load`, issue 13 item 7): simulated people against the reference
// backend on loopback, then large uploads beside small requests. It prints figures and never
// passes or fails on a time. Parameters (environment):
//
//   LOAD_USERS=200         simulated people (accounts made by the backend's --demo-users)
//   LOAD_SECONDS=300       length of the mixed load
//   LOAD_THINK_MS=1000     mean pause between two steps of one person (0: as fast as answered)
//   LOAD_MAX_REQUESTS=2000000  the mixed load also stops after this many requests
//   LOAD_CHAT_MESSAGES=3   messages per chat
//   LOAD_AGENT=1           the backend's demo agent accepts and answers chats (0: chats stay queued)
//   LOAD_WS=1              open each chat's stream over a WebSocket (needs the `ws` package)
//   LOAD_UPLOADS=96, LOAD_UPLOAD_PARALLEL=6, LOAD_UPLOAD_MB=25, LOAD_UPLOAD_SECONDS=15,
//   LOAD_PROBES=4          the upload phase (LOAD_UPLOADS=0 skips it)
//   LOAD_SEED=1            the people's choices
//   SP_BACKEND_BIN         the backend binary [target/release/support-backend]
import os from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { cpu, machineBusy, memory, MemoryWatch, mib, start, stop } from './backend';
import { Budget } from './client';
import { Stats, summary } from './stats';
import { wsPackage } from './stream';
import { uploadPhase, uploadWorker } from './uploads';
import { User } from './user';

const int = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}=${v}: a number of at least 0, please`);
  return Math.floor(n);
};

const USERS = Math.max(1, int('LOAD_USERS', 200));
const SECONDS = int('LOAD_SECONDS', 300);
const THINK_MS = int('LOAD_THINK_MS', 1000);
const MAX_REQUESTS = int('LOAD_MAX_REQUESTS', 2_000_000);
const CHAT_MESSAGES = int('LOAD_CHAT_MESSAGES', 3);
const AGENT = int('LOAD_AGENT', 1) === 1;
const UPLOADS = int('LOAD_UPLOADS', 96);
const UPLOAD_PARALLEL = Math.max(1, int('LOAD_UPLOAD_PARALLEL', 6));
const UPLOAD_MB = Math.max(1, int('LOAD_UPLOAD_MB', 25));
const UPLOAD_SECONDS = int('LOAD_UPLOAD_SECONDS', 15);
const PROBES = Math.max(1, int('LOAD_PROBES', 4));
const SEED = int('LOAD_SEED', 1);
/** Sign-ins at once at the start: each costs tens of ms of Argon2 on the backend's CPU. */
const SIGN_IN_PARALLEL = 8;
/** The people start spread over this long, not all in the same millisecond. */
const RAMP_MS = 5_000;

const websocket = int('LOAD_WS', 1) === 1 && wsPackage() !== null;
const say = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const backend = await start(USERS, [
    ...(AGENT ? ['--demo-agent'] : []),
    '--max-attachment-mb', String(Math.max(25, UPLOAD_MB)),
  ]);
  const whole = new MemoryWatch(backend.pid);
  try {
    say(`load benchmark: ${USERS} people, ${SECONDS} s, think ${THINK_MS} ms, ${CHAT_MESSAGES} chat messages a chat, demo agent ${AGENT ? 'on' : 'off'}, chat stream ${websocket ? 'over WebSocket' : 'not opened (no ws package or LOAD_WS=0)'}, seed ${SEED}`);
    say(`backend ${backend.binary} at ${backend.url}, database file with WAL; machine: ${os.cpus().length} cores, Node ${process.version}; client and backend share the cores`);
    say(`backend memory at start: ${mib(whole.start)}`);

    // Sign-in: once a person, at the start. A successful sign-in is never throttled (only
    // failures count, per email and per address), so 200 from one address all go through.
    let stats = new Stats();
    let budget: Budget | undefined;
    const users = Array.from({ length: USERS }, (_, i) => new User(i + 1, backend.url, () => stats, () => budget, { thinkMs: THINK_MS, chatMessages: CHAT_MESSAGES, websocket }, SEED));
    let t0 = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: SIGN_IN_PARALLEL }, async () => {
      while (next < users.length) {
        const u = users[next++];
        if (!(await u.signIn())) throw new Error(`${u.n} could not sign in: ${JSON.stringify([...stats.errors])}`);
      }
    }));
    say();
    say(`== sign-in: ${USERS} people, ${SIGN_IN_PARALLEL} at a time ==`);
    for (const l of stats.table((performance.now() - t0) / 1000)) say(l);

    // The mixed load.
    stats = new Stats();
    const load = new MemoryWatch(backend.pid);
    const cpuBefore = cpu(backend.pid);
    const clientBefore = process.cpuUsage();
    const machineBefore = machineBusy();
    t0 = performance.now();
    budget = new Budget(t0 + SECONDS * 1000, MAX_REQUESTS);
    await Promise.all(users.map(async (u, i) => {
      await new Promise((r) => setTimeout(r, (i * Math.min(RAMP_MS, SECONDS * 500)) / USERS));
      await u.run();
    }));
    const elapsed = (performance.now() - t0) / 1000;
    const cpuAfter = cpu(backend.pid);
    const client = process.cpuUsage(clientBefore);
    const machine = machineBusy() - machineBefore;
    const loadEnd = load.end();
    say();
    say(`== mixed load: ${USERS} people for ${elapsed.toFixed(1)} s ==`);
    for (const l of stats.table(elapsed)) say(l);
    const backendCpu = cpuAfter.seconds - cpuBefore.seconds;
    const clientCpu = (client.user + client.system) / 1e6;
    const pct = (seconds: number) => `${(seconds / elapsed * 100).toFixed(0)}%`;
    // Other processes' share says whether the machine was quiet: figures taken beside a build
    // are not comparable with figures taken alone.
    say(`CPU, in % of one core: backend ${pct(backendCpu)} (${cpuAfter.threads} threads), load generator ${pct(clientCpu)}, other processes ${pct(Math.max(0, machine - backendCpu - clientCpu))} (of ${os.cpus().length * 100}%)`);
    say(`backend memory during the load: start ${mib(load.start)}, peak ${mib(load.peak)}, end ${mib(loadEnd)}`);

    if (UPLOADS > 0) {
      const bytes = UPLOAD_MB * 1024 * 1024;
      const uploaders = users.slice(0, Math.min(users.length, 8)).map((u) => u.client);
      const probers = users.slice(-PROBES).map((u) => u.client);
      const watch = new MemoryWatch(backend.pid);
      const up = await uploadPhase(backend.url, probers, uploaders, { parallel: UPLOAD_PARALLEL, total: UPLOADS, bytes, probes: PROBES, seconds: UPLOAD_SECONDS });
      const end = watch.end();
      say();
      say(`== uploads: ${UPLOADS} of ${UPLOAD_MB} MiB, ${UPLOAD_PARALLEL} at a time, beside ${PROBES} people sending small requests ==`);
      for (const l of up.uploads.table(up.seconds)) say(l);
      say(`upload throughput: ${(UPLOADS * UPLOAD_MB / up.seconds).toFixed(0)} MiB/s`);
      for (const name of ['GET /session', 'GET /cases']) {
        say(`${name.padEnd(14)} without uploads: ${summary(up.quiet.latencies.get(name) ?? [])}`);
        say(`${name.padEnd(14)} during uploads:  ${summary(up.loaded.latencies.get(name) ?? [])}`);
      }
      say(`small-request errors: ${up.quiet.errorCount()} without uploads, ${up.loaded.errorCount()} during`);
      say(`backend memory during the uploads: start ${mib(watch.start)}, peak ${mib(watch.peak)}, end ${mib(end)}`);
    }

    const end = whole.end();
    say();
    say(`backend memory (RSS, /proc/${backend.pid}/status): start ${mib(whole.start)}, peak ${mib(Math.max(whole.peak, memory(backend.pid).hwm))}, end ${mib(end)}`);
  } finally {
    await stop(backend);
  }
}

// The same file runs the upload worker thread (see uploads.ts).
(isMainThread ? main() : uploadWorker()).then(
  () => { if (isMainThread) process.exit(0); },
  (e) => { process.stderr.write(`${e instanceof Error ? e.stack : e}\n`); process.exit(1); },
);
