// The log of a whole test run: every backend the run starts writes its stdout and stderr to a
// file of one directory (SP_BACKEND_LOG_DIR, made by the global setup), and the global teardown
// fails the run when any of them holds a password or a token. The backend's own Rust test checks
// the actual token values of one journey; this check covers every backend of the run, by shape.
import fs from 'node:fs';
import path from 'node:path';
import { accounts, PASSWORD } from './accounts';

/** The startup banner's line that shows the demo password on purpose (a documented demo value). */
const BANNER = /^demo accounts \(password [^)]*\):$/;

/** The bearer tokens the banner prints on purpose: the documented demo agent and host tokens. */
const DEMO_BEARER = /^demo-(agent|host)-token$/;

/**
 * The shape of every session, hand-off and invitation token: 32 random bytes in URL-safe base64,
 * 43 characters, with upper and lower case letters (hashed asset names are lower case or hex).
 */
const TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/** Opens this backend's log file, when the run keeps logs (else undefined). */
export function openBackendLog(): number | undefined {
  const dir = process.env.SP_BACKEND_LOG_DIR;
  if (!dir) return undefined;
  const name = `backend-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.log`;
  return fs.openSync(path.join(dir, name), 'a');
}

/** Why a log's text must not be kept: one entry per finding, without the secret itself. */
export function secretsIn(text: string): string[] {
  const passwords = new Set([PASSWORD, ...Object.values(accounts).map((a) => a.password)]);
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const at = `line ${i + 1}`;
    if (!BANNER.test(line.trim()) && [...passwords].some((p) => p && line.includes(p))) {
      found.push(`${at}: a demo account's password`);
    }
    if (/sp_session=[^;\s]/.test(line)) found.push(`${at}: a session cookie value`);
    for (const m of line.matchAll(/Bearer\s+(\S+)/g)) {
      if (!DEMO_BEARER.test(m[1])) found.push(`${at}: a bearer token`);
    }
    for (const m of line.matchAll(TOKEN)) {
      if (/[A-Z]/.test(m[0]) && /[a-z]/.test(m[0])) found.push(`${at}: a token-shaped value`);
    }
  });
  return found;
}

/** Every finding of every log file in `dir`, as `file: line N: what`. */
export function secretsInLogs(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .flatMap((f) => secretsIn(fs.readFileSync(path.join(dir, f), 'utf8')).map((s) => `${f}: ${s}`));
}
