export default async function globalTeardown(): Promise<void> {
  for (const pid of (process.env.SP_BACKEND_PIDS ?? '').split(',').filter(Boolean)) {
    try { process.kill(Number(pid), 'SIGTERM'); } catch { /* already gone */ }
  }
}
