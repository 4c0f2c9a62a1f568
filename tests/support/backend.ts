// Starts and stops reference backends for the tests: each on a free loopback port, with an
// in-memory database seeded with the demo data, serving the release build in dist/, logging
// every request into the run's backend logs (./backend-logs.ts checks them for secrets).
import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openBackendLog } from './backend-logs';

export const root = path.resolve(__dirname, '..', '..');

export interface RunningBackend {
  url: string;
  process: ChildProcess;
}

export function backendBinary(): string {
  return process.env.SP_BACKEND_BIN ?? path.join(root, 'target', 'debug', 'support-backend');
}

/** Starts a backend and resolves once it prints the address it listens on. */
export function startBackend(args: string[] = [], env: Record<string, string> = {}): Promise<RunningBackend> {
  const child = spawn(
    backendBinary(),
    // `dist/` unless the caller names its own static folder (the benchmark adds its reference pages).
    ['--host', '127.0.0.1', '--port', '0', '--database', ':memory:', '--demo', '--log-requests',
      ...(args.includes('--static-dir') ? [] : ['--static-dir', path.join(root, 'dist')]), ...args],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Written synchronously: a worker that exits loses nothing of its backends' logs.
  const log = openBackendLog();
  const keep = (chunk: Buffer) => { if (log !== undefined) fs.writeSync(log, chunk); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('exit', () => { if (log !== undefined) fs.closeSync(log); });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`backend did not start:\n${out}`)); }, 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], process: child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => { out += c.toString(); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`backend exited with ${code}:\n${out}`)); });
  });
}

export function stopBackend(b: RunningBackend | undefined): void {
  if (b && b.process.exitCode === null) b.process.kill('SIGTERM');
}
