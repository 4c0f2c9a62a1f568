import fs from 'node:fs';
import { secretsInLogs } from './backend-logs';

export default async function globalTeardown(): Promise<void> {
  for (const pid of (process.env.SP_BACKEND_PIDS ?? '').split(',').filter(Boolean)) {
    try { process.kill(Number(pid), 'SIGTERM'); } catch { /* already gone */ }
  }
  // The mail directories the setup made (only those: never a directory someone configured).
  for (const dir of [process.env.SP_LIVE_MAIL_DIR, process.env.SP_SETUP_MAIL_DIR]) {
    if (dir && /sp-(live|setup)-mail-/.test(dir)) fs.rmSync(dir, { recursive: true, force: true });
  }
  // The log of the whole run must hold no password and no token; kept for a look if it does.
  const logs = process.env.SP_BACKEND_LOG_DIR;
  if (logs && /sp-backend-logs-/.test(logs)) {
    // The stopping backends' last lines.
    await new Promise((r) => setTimeout(r, 300));
    const found = secretsInLogs(logs);
    if (found.length > 0) {
      throw new Error(`secrets in the backend logs of this run (kept in ${logs}):\n${found.join('\n')}`);
    }
    fs.rmSync(logs, { recursive: true, force: true });
  }
}
