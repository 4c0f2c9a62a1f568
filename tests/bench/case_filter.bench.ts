// Searching a case list of 10,000 cases, the portal beside a plain-JS page that asks the same
// request and draws the same rows (tests/bench/reference/cases.*): from the Enter key to the
// new rows painted, p50 and p95 at 1x and 4x CPU, and how many rows and elements the page
// holds. Figures only; nothing here passes or fails on time.
import { test, Page } from '@playwright/test';
import { accounts } from '../support/accounts';
import { startWithReference, stopWithReference } from './reference';
import { SCRIPTED } from '../support/scripted';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 30);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Types `term` into the page's search, submits it as Enter would, and resolves with the
 *  milliseconds until the frame after the table shows new rows (measured inside the page). */
async function search(page: Page, term: string): Promise<number> {
  // A page behind another gets no animation frames: the measured one comes to the front.
  await page.bringToFront();
  return page.evaluate((term) => new Promise<number>((resolve) => {
    const form = document.querySelector<HTMLFormElement>('main form[role=search]')!;
    const input = form.querySelector('input')!;
    input.value = term;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const rows = () => document.querySelector('main table tbody')?.textContent ?? '';
    const before = rows();
    const started = performance.now();
    form.requestSubmit();
    const check = () => {
      if (rows() !== before && rows() !== '' && !document.querySelector('main .loading')) {
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }), term);
}

const inDom = (page: Page) => page.evaluate(() => ({
  rows: document.querySelectorAll('main table tbody tr').length,
  elements: document.getElementsByTagName('*').length,
}));

test(`searching ${CASES} cases beside a plain-JS page`, async ({ browser }) => {
  test.setTimeout(600_000);
  const backend = await startWithReference(['--demo-cases', String(CASES)]);
  const rows: string[] = [];
  try {
    const context = await browser.newContext({ baseURL: backend.url });
    const signedIn = await context.request.post('/api/v1/session', {
      headers: SCRIPTED,
      data: { email: accounts.supportAdmin.email, password: accounts.supportAdmin.password },
    });
    if (!signedIn.ok()) throw new Error(`sign-in failed: ${signedIn.status()}`);
    const portal = await context.newPage();
    await portal.goto('/cases');
    await portal.getByRole('table', { name: 'Cases' }).getByRole('row').nth(25).waitFor();
    // The portal's own list request, whose other parameters the plain page then sends too.
    const [request] = await Promise.all([
      portal.waitForRequest((r) => /\/api\/v1\/cases\?/.test(r.url())),
      search(portal, 'report 1'),
    ]);
    const params = new URL(request.url()).searchParams;
    params.delete('q');
    params.delete('cursor');
    const plain = await context.newPage();
    await plain.goto(`/bench-reference/cases.html?params=${encodeURIComponent(params.toString())}`);
    await search(plain, 'report 1');

    for (const cpu of [1, 4]) {
      for (const page of [portal, plain]) {
        await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
      }
      const times: [number[], number[]] = [[], []];
      for (let i = 0; i < SEARCHES; i++) {
        const term = `report ${(i * 7) % 97}`;
        times[0].push(await search(portal, term));
        times[1].push(await search(plain, term));
      }
      const [p, r] = times;
      rows.push(`${`${cpu}x CPU`.padEnd(8)} portal p50 ${pct(p, 0.5).toFixed(1).padStart(6)} ms  p95 ${pct(p, 0.95).toFixed(1).padStart(6)} ms` +
        `   plain JS p50 ${pct(r, 0.5).toFixed(1).padStart(6)} ms  p95 ${pct(r, 0.95).toFixed(1).padStart(6)} ms` +
        `   (goal p95 <= ${cpu === 1 ? 16 : 33} ms)`);
    }
    const [a, b] = [await inDom(portal), await inDom(plain)];
    rows.push(`in the DOM: portal ${a.rows} rows, ${a.elements} elements; plain JS ${b.rows} rows, ${b.elements} elements (goal <= 150 rows)`);
    await context.close();
  } finally {
    stopWithReference(backend);
  }
  console.log(`\nSearching ${CASES} cases, Enter to new rows painted, ${SEARCHES} searches (headless Chromium, loopback debug-build backend):`);
  for (const row of rows) console.log(`  ${row}`);
});
