// The service history of an organisation with 10,000 interactions, in a real Chromium against
// the reference backend on loopback: the backend's answer time and the time until the page
// shows it, for the first page, a filter change and the chart; then the CSV export of every
// row, its time and the backend's peak memory. Figures only; nothing here passes or fails on time.
import { readFileSync } from 'node:fs';
import { test, Response } from '@playwright/test';
import { startBackend, stopBackend } from '../support/backend';
import { accounts } from '../support/accounts';
import { signIn } from '../e2e/portal';
import { line, measure } from './timing';

const INTERACTIONS = Number(process.env.BENCH_HISTORY ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const answer = (path: RegExp) => (r: Response) => path.test(new URL(r.url()).pathname) && r.request().method() === 'GET';
const isPage = answer(/\/api\/v1\/history$/);
const isSummary = answer(/\/api\/v1\/history\/summary$/);

/** The backend's peak resident memory so far (Linux `VmHWM`), in MiB. */
function peakMemoryMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0);
  return kb / 1024;
}

test(`service history with ${INTERACTIONS} interactions`, async ({ browser }) => {
  const backend = await startBackend(['--phase', 'live', '--demo-history', String(INTERACTIONS)]);
  const first: [number[], number[]] = [[], []];
  const filter: [number[], number[]] = [[], []];
  const chart: [number[], number[]] = [[], []];
  let exportMs = 0;
  let exportRows = 0;
  let peakBefore = 0;
  let peakAfter = 0;
  try {
    const context = await browser.newContext({ baseURL: backend.url, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, accounts.supportAdmin);
    const rows = page.getByRole('table', { name: 'Interactions', exact: true }).getByRole('row');
    const bars = page.locator('svg.chart rect.chart-series');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (let i = 0; i < RUNS; i++) {
      await nav.getByRole('link', { name: 'Home', exact: true }).click();
      const [b, p] = await measure(page, isPage, () => nav.getByRole('link', { name: 'Service history' }).click(), () => rows.nth(25).waitFor());
      first[0].push(b); first[1].push(p);
      const kind = i % 2 === 0 ? 'Case' : 'Chat';
      const [fb, fp] = await measure(page, isPage, () => page.getByLabel('Kind').selectOption({ label: kind }), () =>
        page.waitForFunction((want) => {
          const cells = [...document.querySelectorAll('[role=region][aria-label="Interactions"] tbody tr td:nth-of-type(2)')];
          return cells.length > 0 && cells.every((c) => c.textContent === want);
        }, kind));
      filter[0].push(fb); filter[1].push(fp);
      // The chart redraws for the product filter: the summary's time and the bars on screen.
      const [cb, cp] = await measure(page, isSummary, () => page.getByLabel('Product').selectOption({ label: 'Target' }), () => bars.first().waitFor());
      chart[0].push(cb); chart[1].push(cp);
      await Promise.all([page.waitForResponse(isPage), page.getByRole('button', { name: 'Clear filters' }).click()]);
    }
    peakBefore = peakMemoryMiB(backend.process.pid!);
    const started = performance.now();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download these interactions as CSV' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    exportMs = performance.now() - started;
    exportRows = text.split('\r\n').filter((l) => l !== '').length - 1;
    peakAfter = peakMemoryMiB(backend.process.pid!);
    await context.close();
  } finally {
    stopBackend(backend);
  }
  console.log(`\nService history, ${INTERACTIONS} interactions in the organisation, ${RUNS} runs (loopback, debug-build backend):`);
  console.log(line('first page (25 rows) from Home', first[0], first[1]));
  console.log(line('filter change (kind)', filter[0], filter[1]));
  console.log(line('chart after a product filter', chart[0], chart[1]));
  console.log(`${'CSV export of the last 12 months'.padEnd(34)} ${exportRows} rows in ${exportMs.toFixed(0)} ms; backend peak memory ${peakBefore.toFixed(1)} MiB before, ${peakAfter.toFixed(1)} MiB after`);
});
