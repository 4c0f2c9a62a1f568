// The case list of an organisation with 10,000 cases, in a real Chromium against the reference
// backend on loopback: the backend's answer time for the first page and for a filter change,
// and the time until the rows are on screen. Figures only; nothing here passes or fails on time.
import { test, Response } from '@playwright/test';
import { startBackend, stopBackend } from '../support/backend';
import { accounts } from '../support/accounts';
import { signIn } from '../e2e/portal';
import { line, measure } from './timing';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const isList = (r: Response) => /\/api\/v1\/cases(\?|$)/.test(r.url()) && r.request().method() === 'GET';

test(`case list with ${CASES} cases`, async ({ browser }) => {
  const backend = await startBackend(['--phase', 'live', '--demo-cases', String(CASES)]);
  const first: [number[], number[]] = [[], []];
  const filter: [number[], number[]] = [[], []];
  try {
    const context = await browser.newContext({ baseURL: backend.url });
    const page = await context.newPage();
    await signIn(page, accounts.supportAdmin);
    const rows = page.getByRole('table', { name: 'Cases' }).getByRole('row');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (let i = 0; i < RUNS; i++) {
      await nav.getByRole('link', { name: 'Home', exact: true }).click();
      const [b, p] = await measure(page, isList, () => nav.getByRole('link', { name: 'Cases', exact: true }).click(), () => rows.nth(25).waitFor());
      first[0].push(b); first[1].push(p);
      const priority = i % 2 === 0 ? 'p2' : 'p3';
      const label = priority === 'p2' ? 'P2 Urgent' : 'P3 Important';
      const [fb, fp] = await measure(page, isList, () => page.getByLabel('Priority').selectOption(priority), () =>
        page.waitForFunction((want) => {
          const cells = [...document.querySelectorAll('table tbody tr td:nth-of-type(3)')];
          return cells.length > 0 && cells.every((c) => c.textContent === want);
        }, label));
      filter[0].push(fb); filter[1].push(fp);
      await Promise.all([page.waitForResponse(isList), page.getByLabel('Priority').selectOption('')]);
    }
    await context.close();
  } finally {
    stopBackend(backend);
  }
  console.log(`\nCase list, ${CASES} cases in the organisation, ${RUNS} runs (loopback, debug-build backend):`);
  console.log(line('first page (25 rows) from Home', first[0], first[1]));
  console.log(line('filter change (priority)', filter[0], filter[1]));
});
