// The release build and the plain-JS reference pages (tests/bench/reference/, served under
// /bench-reference/), served together by one reference backend for the side-by-side figures.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root, startBackend, stopBackend, RunningBackend } from '../support/backend';

const served = path.join(root, 'target', 'bench-static');

/** Starts a live-phase backend serving `dist/` and the reference pages, with `args` added. */
export async function startWithReference(args: string[] = []): Promise<RunningBackend> {
  rmSync(served, { recursive: true, force: true });
  mkdirSync(served, { recursive: true });
  cpSync(path.join(root, 'dist'), served, { recursive: true });
  cpSync(path.join(__dirname, 'reference'), path.join(served, 'bench-reference'), { recursive: true });
  return startBackend(['--phase', 'live', '--static-dir', served, ...args]);
}

/** Stops it and removes the served copy. */
export function stopWithReference(backend: RunningBackend | undefined): void {
  stopBackend(backend);
  rmSync(served, { recursive: true, force: true });
}
