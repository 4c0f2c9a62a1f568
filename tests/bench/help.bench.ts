// Help search over a library of 1,000 generated articles (plus the seeded ones), in a real
// Chromium against the reference backend on loopback: from the last key typed to the results
// painted (p50, p95), split into the debounce, the backend's answer and the app's work until the
// painted frame. Figures only; nothing here passes or fails on time.
import { test } from '@playwright/test';
import { startBackend, stopBackend } from '../support/backend';
import { accounts } from '../support/accounts';
import { signIn } from '../e2e/portal';

const ARTICLES = Number(process.env.BENCH_HELP_ARTICLES ?? 1000);
const SEARCHES = Number(process.env.BENCH_HELP_SEARCHES ?? 40);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const line = (name: string, xs: number[]) =>
  `  ${name.padEnd(36)} p50 ${pct(xs, 0.5).toFixed(1).padStart(7)} ms   p95 ${pct(xs, 0.95).toFixed(1).padStart(7)} ms`;

/** Types `digits` after "note " one key every 60 ms, like a person, and resolves, measured in
 *  the page, with the times from the last key to the painted frame whose first result is the
 *  article `(note <digits>)`, and to the end of the answer that brought it. */
function typeAndWait(digits: string): Promise<{ painted: number; answered: number }> {
  return new Promise((resolve) => {
    const input = document.querySelector<HTMLInputElement>('#help-search')!;
    const want = `(note ${digits})`;
    let typed = 0;
    let lastKey = 0;
    const key = () => {
      typed += 1;
      input.value = `note ${digits.slice(0, typed)}`;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      lastKey = performance.now();
      if (typed < digits.length) setTimeout(key, 60);
      else requestAnimationFrame(check);
    };
    const check = () => {
      const first = document.querySelector('.help-item h3')?.textContent ?? '';
      if (!first.endsWith(want)) {
        requestAnimationFrame(check);
        return;
      }
      // The frame with the results is being painted: note when it is on screen.
      requestAnimationFrame(() => {
        const painted = performance.now();
        const answers = performance.getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/v1/help/articles') && e.name.includes(encodeURIComponent(digits))) as PerformanceResourceTiming[];
        const answer = answers[answers.length - 1];
        resolve({ painted: painted - lastKey, answered: (answer?.responseEnd ?? painted) - lastKey });
      });
    };
    key();
  });
}

test(`help search over ${ARTICLES} articles`, async ({ browser }) => {
  test.setTimeout(300_000);
  const backend = await startBackend(['--phase', 'live', '--demo-help', String(ARTICLES)]);
  const painted: number[] = [];
  const answered: number[] = [];
  const afterAnswer: number[] = [];
  const backendTimes: number[] = [];
  try {
    const context = await browser.newContext({ baseURL: backend.url });
    const page = await context.newPage();
    await signIn(page, accounts.supportAdmin);
    await page.goto('/help');
    await page.locator('.help-item').first().waitFor();
    for (let i = 0; i < SEARCHES; i++) {
      // From 101 up: every number then has three digits or more, so no other article's number
      // starts with it (the last word typed is a prefix).
      const n = String(101 + ((i * 97) % (ARTICLES - 101)));
      // Back to the unsearched list, settled, before the next search is typed.
      await page.locator('#help-search').fill('');
      await page.waitForFunction(() => !location.search.includes('q=')
        && /available/.test(document.querySelector('.results-count')?.textContent ?? ''));
      await page.waitForTimeout(100);
      const t = await page.evaluate(typeAndWait, n);
      painted.push(t.painted);
      answered.push(t.answered);
      afterAnswer.push(t.painted - t.answered);
      const server = await page.evaluate((digits) => {
        const e = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.name.includes('/api/v1/help/articles') && r.name.includes(encodeURIComponent(digits)));
        const last = e[e.length - 1];
        return last ? last.responseEnd - last.requestStart : 0;
      }, n);
      backendTimes.push(server);
    }
    await context.close();
  } finally {
    stopBackend(backend);
  }
  console.log(`\nHelp search, ${ARTICLES} generated articles + the seeded library, ${SEARCHES} searches typed key by key (loopback, debug-build backend):`);
  console.log(line('last key → results painted', painted));
  console.log(line('  of which last key → answer (200 ms debounce)', answered));
  console.log(line('  of which answer → painted', afterAnswer));
  console.log(line('backend request → response', backendTimes));
});
