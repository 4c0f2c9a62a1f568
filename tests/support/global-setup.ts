// Starts the reference backends every project shares: one in the `live` phase and one in the
// `setup` phase, each writing its mail into a fresh directory. Their URLs and mail directories
// reach the tests through environment variables (SP_LIVE_URL, SP_SETUP_URL, SP_LIVE_MAIL_DIR,
// SP_SETUP_MAIL_DIR; read mail with ./mail.ts); the PIDs and directories reach the teardown so
// that tests stop and delete what they start. Every backend of the run, these and those the tests
// start, writes its log into one directory (SP_BACKEND_LOG_DIR), which the teardown checks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBackend } from './backend';

export default async function globalSetup(): Promise<void> {
  process.env.SP_BACKEND_LOG_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-backend-logs-'));
  const liveMail = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-live-mail-'));
  const setupMail = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-setup-mail-'));
  process.env.SP_LIVE_MAIL_DIR = liveMail;
  process.env.SP_SETUP_MAIL_DIR = setupMail;
  // Chat open at any hour: the chat checks must not depend on when they run.
  const live = await startBackend(['--phase', 'live', '--mail-dir', liveMail, '--chat-hours', 'always']);
  const setup = await startBackend(['--phase', 'setup', '--mail-dir', setupMail, '--chat-hours', 'always']);
  process.env.SP_LIVE_URL = live.url;
  process.env.SP_SETUP_URL = setup.url;
  process.env.SP_BACKEND_PIDS = [live.process.pid, setup.process.pid].join(',');
  // Keep the children from holding the runner open if the teardown never runs.
  live.process.unref();
  setup.process.unref();
}
