// The backend under load: started from its binary on a loopback port with a fresh database file
// (WAL is only on for files), the generated accounts and an always-open chat; its memory and
// CPU read from /proc. Stopped with SIGTERM and its files removed at the end.
import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Run from the repository's root (`make load`); the bundle lives in target/, so not __dirname.
export const root = path.resolve(process.env.SP_ROOT ?? process.cwd());

export interface Backend {
  url: string;
  pid: number;
  child: ChildProcess;
  dir: string;
  binary: string;
}

/** The release build unless `SP_BACKEND_BIN` names another (README: why release). */
export function binary(): string {
  return process.env.SP_BACKEND_BIN ?? path.join(root, 'target', 'release', 'support-backend');
}

export async function start(users: number, extra: string[]): Promise<Backend> {
  const bin = binary();
  if (!fs.existsSync(bin)) throw new Error(`no backend at ${bin}: run \`cargo build --release -p support-backend\` (or set SP_BACKEND_BIN)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-load-'));
  const args = [
    '--host', '127.0.0.1', '--port', '0',
    '--database', path.join(dir, 'load.db'), '--data-dir', path.join(dir, 'data'), '--mail-dir', path.join(dir, 'mail'),
    '--static-dir', dir, '--demo', '--demo-users', String(users), '--chat-hours', 'always', ...extra,
  ];
  const child = spawn(bin, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (c: Buffer) => { out = (out + c.toString()).slice(-20_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend did not start:\n${out}`)), 60_000);
    const look = () => {
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout!.on('data', look);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`backend exited with ${code}:\n${out}`)); });
  });
  child.removeAllListeners('exit');
  child.on('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`backend exited during the run (${code ?? signal}); its last output:\n${out}\n`);
  });
  return { url, pid: child.pid!, child, dir, binary: bin };
}

let stopping = false;

export async function stop(b: Backend): Promise<void> {
  stopping = true;
  if (b.child.exitCode === null) {
    const gone = new Promise((r) => b.child.once('exit', r));
    b.child.kill('SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 15_000))]);
    if (b.child.exitCode === null) b.child.kill('SIGKILL');
  }
  fs.rmSync(b.dir, { recursive: true, force: true });
}

/** Resident memory now and its high-water mark, in bytes (`VmRSS`, `VmHWM`). */
export function memory(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** CPU seconds used so far (user + system), and the number of threads. */
export function cpu(pid: number): { seconds: number; threads: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces: the fields start after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { seconds: ticks / 100, threads: Number(fields[17]) };
}

/** CPU seconds the whole machine has spent busy so far, all cores together (/proc/stat). */
export function machineBusy(): number {
  const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = ticks.map(Number);
  const idle = n[3] + (n[4] ?? 0);
  return (n.slice(0, 8).reduce((a, b) => a + b, 0) - idle) / 100;
}

/** Samples the backend's memory every half second: start, peak and end of a phase. */
export class MemoryWatch {
  readonly start: number;
  peak: number;
  private timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.start = memory(pid).rss;
    this.peak = this.start;
    this.timer = setInterval(() => this.sample(), 500);
  }

  private sample(): number {
    try {
      const rss = memory(this.pid).rss;
      this.peak = Math.max(this.peak, rss);
      return rss;
    } catch {
      return 0; // the process is gone; the run reports that itself
    }
  }

  /** Stops sampling; the last reading. */
  end(): number {
    clearInterval(this.timer);
    return this.sample();
  }
}

export const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
