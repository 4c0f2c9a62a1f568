import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  for (const pid of (process.env.SP_BACKEND_PIDS ?? '').split(',').filter(Boolean)) {
    try { process.kill(Number(pid), 'SIGTERM'); } catch { /* already gone */ }
  }
  // The mail directories the setup made (only those: never a directory someone configured).
  for (const dir of [process.env.SP_LIVE_MAIL_DIR, process.env.SP_SETUP_MAIL_DIR]) {
    if (dir && /sp-(live|setup)-mail-/.test(dir)) fs.rmSync(dir, { recursive: true, force: true });
  }
}
