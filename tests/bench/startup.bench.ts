// How fast the portal becomes usable, in a real Chromium against the reference backend on
// loopback (so network time is near zero: these figures are the app's own cost).
import { test, Page } from '@playwright/test';
import { startBackend, stopBackend } from '../support/backend';
import { accounts } from '../support/accounts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function summary(name: string, ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `${name.padEnd(44)} median ${median.toFixed(0).padStart(5)} ms   min ${sorted[0].toFixed(0).padStart(5)}   max ${sorted[sorted.length - 1].toFixed(0).padStart(5)}`;
}

async function timed(page: Page, action: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  await done();
  return performance.now() - start;
}

test('startup figures', async ({ browser }) => {
  const backend = await startBackend(['--phase', 'live']);
  const coldSignIn: number[] = [];
  const signInToHome: number[] = [];
  const reloadSignedIn: number[] = [];
  const wasmBytes: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // A new context each time: empty cache, no cookies, as a first visit.
      const context = await browser.newContext({ baseURL: backend.url });
      const page = await context.newPage();
      page.on('response', async (r) => {
        if (r.url().endsWith('.wasm')) wasmBytes.push((await r.request().sizes()).responseBodySize);
      });
      coldSignIn.push(await timed(page, () => page.goto('/sign-in'),
        () => page.getByRole('button', { name: 'Sign in' }).waitFor()));
      await page.getByLabel('Email').fill(accounts.supportAdmin.email);
      await page.getByLabel('Password').fill(accounts.supportAdmin.password);
      signInToHome.push(await timed(page, () => page.getByRole('button', { name: 'Sign in' }).click(),
        () => page.getByRole('heading', { level: 1, name: `Hello, ${accounts.supportAdmin.name}` }).waitFor()));
      reloadSignedIn.push(await timed(page, () => page.goto('/contact'),
        () => page.getByRole('heading', { level: 2, name: 'Phone numbers' }).waitFor()));
      await context.close();
    }
  } finally {
    stopBackend(backend);
  }
  console.log(`\nStartup over ${RUNS} runs (headless Chromium, loopback backend):`);
  console.log(summary('first visit: sign-in form usable', coldSignIn));
  console.log(summary('sign in: click to home page shown', signInToHome));
  console.log(summary('signed-in deep link: contact page loaded', reloadSignedIn));
  console.log(`wasm over the wire per cold load: ${(wasmBytes[0] / 1024).toFixed(1)} KiB (as encoded by the backend)`);
});
