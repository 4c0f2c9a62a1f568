// Starts the reference backends every project shares: one in the `live` phase and one in the
// `setup` phase. Their URLs reach the tests through environment variables; the PIDs reach the
// teardown so that tests stop what they start.
import { startBackend } from './backend';

export default async function globalSetup(): Promise<void> {
  const live = await startBackend(['--phase', 'live']);
  const setup = await startBackend(['--phase', 'setup']);
  process.env.SP_LIVE_URL = live.url;
  process.env.SP_SETUP_URL = setup.url;
  process.env.SP_BACKEND_PIDS = [live.process.pid, setup.process.pid].join(',');
  // Keep the children from holding the runner open if the teardown never runs.
  live.process.unref();
  setup.process.unref();
}
