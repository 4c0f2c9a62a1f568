// The startup benchmark (`make bench`): not a test suite. It prints figures and asserts no
// timings; the runner is only used to share the backend launcher and the browser set-up.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  reporter: 'list',
  timeout: 120_000,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        // Exact JS heap figures instead of rounded buckets.
        '--enable-precise-memory-info',
      ],
    },
  },
});
