// The e2e test fixture: every journey runs against a real reference backend (the shared one
// for its phase, or one of its own when it changes server-side state) and fails on any console
// error, uncaught exception or Content-Security-Policy violation.
import { test as base, expect } from '@playwright/test';
import { startBackend, stopBackend } from '../support/backend';

type Options = {
  /** Rollout phase of the backend the test runs against (`enablement` only with `isolated`:
   *  no shared backend runs in it). */
  phase: 'live' | 'setup' | 'enablement';
  /** Start a backend for this test alone, for tests that change what others would see. */
  isolated: boolean;
  /** Extra command-line flags for an isolated backend (`--chat-hours closed`, ...). */
  backendArgs: string[];
  /** Console lines a test provokes on purpose (the browser's own log of a dropped request). */
  expectedConsole: RegExp[];
};

/**
 * Chromium logs every non-2xx fetch as a console error. The contract's 401 (signed out, wrong
 * password), 403 (role), 409 / 412 (changed meanwhile), 410 (used invitation), 413 (file too large)
 * and 429 (throttled) answers are expected replies, not faults of the app, so only those exact
 * browser lines are let through; anything the app or the CSP logs still fails the test.
 */
function isExpectedRefusal(text: string): boolean {
  return /^Failed to load resource: the server responded with a status of (401|403|409|410|412|413|429) \(/.test(text);
}

export const test = base.extend<Options & { consoleGuard: void }>({
  phase: ['live', { option: true }],
  isolated: [false, { option: true }],
  backendArgs: [[], { option: true }],
  expectedConsole: [[], { option: true }],
  baseURL: async ({ phase, isolated, backendArgs }, use) => {
    if (!isolated) {
      if (phase === 'enablement') throw new Error("phase 'enablement' needs isolated: true");
      await use(phase === 'setup' ? process.env.SP_SETUP_URL : process.env.SP_LIVE_URL);
      return;
    }
    const backend = await startBackend(['--phase', phase, ...backendArgs]);
    try {
      await use(backend.url);
    } finally {
      stopBackend(backend);
    }
  },
  consoleGuard: [
    async ({ page, expectedConsole }, use) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        const text = m.text();
        const expected = isExpectedRefusal(text) || expectedConsole.some((re) => re.test(text));
        // Only a test that provokes reports on purpose (the report-only Trusted Types policy of
        // the hostile-input tests) lets its exact lines through.
        if (/Content.Security.Policy/i.test(text) && !expectedConsole.some((re) => re.test(text))) problems.push(`CSP violation: ${text}`);
        else if (m.type() === 'error' && !expected) problems.push(`console error: ${text}`);
      });
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      await use();
      expect(problems, 'console errors or CSP violations during the journey').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
