// The signed-in home page, the portal beside a plain-JS page that makes the same requests and
// draws the same greeting (tests/bench/reference/): time to usable at 1x and 4x CPU, requests and
// bytes over the wire, each a median of RUNS cold loads (new context: empty cache, signed in).
import { test, Browser, Page } from '@playwright/test';
import { accounts } from '../support/accounts';
import { keepWasmMemory, median, memoryOf, mib } from './timing';
import { startWithReference, stopWithReference } from './reference';
import { SCRIPTED } from '../support/scripted';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Load { ms: number; requests: number; bytes: number; memory: number }

/** One cold load of `url` for a signed-in user, until `usable` holds. */
async function coldLoad(browser: Browser, base: string, url: string, cpu: number, usable: (page: Page) => Promise<unknown>): Promise<Load> {
  const context = await browser.newContext({ baseURL: base });
  const signedIn = await context.request.post('/api/v1/session', {
    headers: SCRIPTED,
    data: { email: accounts.supportAdmin.email, password: accounts.supportAdmin.password },
  });
  if (!signedIn.ok()) throw new Error(`sign-in failed: ${signedIn.status()}`);
  const page = await context.newPage();
  await page.addInitScript(keepWasmMemory);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const responses: Promise<number>[] = [];
  // Requests that finish after the page is usable are not counted (their sizes may never come,
  // as the context closes), nor lazily loaded code (`split_*`, `chunk_*`: the chat panel's,
  // fetched once the first screen is up, whenever that lands before the check sees it).
  page.on('requestfinished', (r) => {
    if (!/\/(split|chunk)_[^/]*\.(wasm|pack)$/.test(new URL(r.url()).pathname)) {
      responses.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize, () => 0));
    }
  });
  const start = Date.now();
  await page.goto(url);
  await usable(page);
  const ms = Date.now() - start;
  const { wasm, heap } = await memoryOf(page);
  const sizes = await Promise.all(responses.slice());
  await context.close();
  return { ms, requests: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0), memory: wasm + heap };
}

const greeting = (page: Page) =>
  page.getByRole('heading', { level: 1, name: `Hello, ${accounts.supportAdmin.name}` }).waitFor();
// The portal is usable when its greeting shows and its navigation answers.
const portalUsable = async (page: Page) => {
  await greeting(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' }).waitFor();
};

test('the signed-in home page beside a plain-JS page', async ({ browser }) => {
  test.setTimeout(600_000);
  const backend = await startWithReference();
  const rows: string[] = [];
  try {
    for (const cpu of [1, 4]) {
      const portal: Load[] = [];
      const plain: Load[] = [];
      for (let i = 0; i < RUNS; i++) {
        portal.push(await coldLoad(browser, backend.url, '/', cpu, portalUsable));
        plain.push(await coldLoad(browser, backend.url, '/bench-reference/home.html', cpu, greeting));
      }
      const p = median(portal.map((l) => l.ms));
      const r = median(plain.map((l) => l.ms));
      rows.push(`${`${cpu}x CPU`.padEnd(8)} portal ${p.toFixed(0).padStart(5)} ms   plain JS ${r.toFixed(0).padStart(5)} ms   ratio ${(p / r).toFixed(2)}${cpu === 4 ? '   (goal <= 1.30)' : ''}`);
      if (cpu === 1) {
        const kib = (ls: Load[]) => (median(ls.map((l) => l.bytes)) / 1024).toFixed(1);
        rows.push(`requests: portal ${median(portal.map((l) => l.requests))}, plain JS ${median(plain.map((l) => l.requests))};` +
          ` over the wire: portal ${kib(portal)} KiB, plain JS ${kib(plain)} KiB (bodies as encoded, with headers)`);
        const mem = (ls: Load[]) => mib(median(ls.map((l) => l.memory)));
        rows.push(`memory once usable (wasm + JS heap): portal ${mem(portal)} MiB, plain JS ${mem(plain)} MiB (goal <= 6 MB)`);
      }
    }
  } finally {
    stopWithReference(backend);
  }
  console.log(`\nSigned-in home page, cold cache, median of ${RUNS} (headless Chromium, loopback backend):`);
  for (const row of rows) console.log(`  ${row}`);
});
