import { defineConfig } from '@playwright/test';

// The system Chromium (Debian's package); Playwright never downloads a browser here.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  globalSetup: './tests/support/global-setup.ts',
  globalTeardown: './tests/support/global-teardown.ts',
  // Two cores: the backends and Chromium share them.
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  projects: [
    {
      // Checks a backend against the HTTP contract; no browser.
      name: 'conformance',
      testDir: './tests/conformance',
    },
    {
      // Kills the reference backend mid-write and checks what survives; no browser.
      name: 'resilience',
      testDir: './tests/resilience',
    },
    {
      name: 'e2e',
      testDir: './tests/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromium,
          args: [
            '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
          ],
        },
        trace: 'retain-on-failure',
      },
    },
  ],
});
