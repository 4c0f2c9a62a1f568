// The chat widget for host pages on the demo console's Devices page (/chat-loader.js): what the
// loader costs the host page before anyone clicks (the page's long tasks, and when the
// launcher joins the page), and the time from the first click to a usable panel (the pre-chat form's fields on
// screen), cold (a fresh browser context: nothing cached) at 1x and at 4x CPU slowdown. Its
// sizes (raw, gzip, brotli) are printed by `node scripts/size.mjs`, which `make bench` runs
// first. Figures only; nothing here passes or fails on time.
import { test, expect, Browser } from '@playwright/test';
import { startBackend, stopBackend } from '../support/backend';
import { accounts } from '../support/accounts';
import { median } from './timing';
import { SCRIPTED } from '../support/scripted';

const RUNS = Number(process.env.BENCH_WIDGET_RUNS ?? 5);

/** Before the page loads: record long tasks (over 50 ms) from the start, and when the
 *  launcher's element joins the page. */
function observeLongTasks(): void {
  const w = window as unknown as { __long: number[]; __launcher?: number };
  w.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__long.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((changes, observer) => {
    if (changes.some((c) => [...c.addedNodes].some((n) => (n as Element).shadowRoot?.querySelector('.launcher')))) {
      w.__launcher = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** One cold visit at `slowdown`: the loader's long tasks and launcher time, then the click. */
async function visit(browser: Browser, url: string, slowdown: number) {
  const context = await browser.newContext({ baseURL: url });
  await context.addInitScript(observeLongTasks);
  const page = await context.newPage();
  await page.request.post('/console/sign-in', { headers: SCRIPTED, form: { email: accounts.supportAdmin.email }, maxRedirects: 0 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await page.goto('/console/devices/');
  const launcher = page.getByRole('button', { name: 'Chat with support' });
  await expect(launcher).toBeVisible();
  await page.waitForLoadState('load');
  const loader = await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __launcher?: number };
    return { long: [...w.__long], launcher: w.__launcher ?? NaN };
  });
  // From the click to the pre-chat form's first field on screen, measured inside the page.
  const usable = await page.evaluate(() => new Promise<number>((resolve) => {
    const host = [...document.body.children].find((e) => e.shadowRoot?.querySelector('.launcher'))!;
    const root = host.shadowRoot!;
    const started = performance.now();
    (root.querySelector('.launcher') as HTMLButtonElement).click();
    const check = () => {
      const field = root.querySelector('#sc-topic');
      if (field && field.getBoundingClientRect().height > 0) requestAnimationFrame(() => resolve(performance.now() - started));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }));
  await context.close();
  return { ...loader, usable };
}

test('the chat widget on a host page: the loader, and the first click to a usable panel', async ({ browser }) => {
  test.setTimeout(600_000);
  const backend = await startBackend(['--phase', 'live', '--chat-hours', 'always']);
  try {
    console.log('\nChat widget on a host page (the demo console\'s Devices page), cold, median of', RUNS, 'visits:');
    for (const slowdown of [1, 4]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, backend.url, slowdown));
      const longCount = median(runs.map((r) => r.long.length));
      const longTotal = median(runs.map((r) => r.long.reduce((t, d) => t + d, 0)));
      console.log(`  CPU ${slowdown}x: launcher on the page ${median(runs.map((r) => r.launcher)).toFixed(0)} ms after navigation; ` +
        `long tasks ${longCount} (${longTotal.toFixed(0)} ms in all, the whole page with the loader)   ` +
        `first click to a usable panel ${median(runs.map((r) => r.usable)).toFixed(0)} ms (min ${Math.min(...runs.map((r) => r.usable)).toFixed(0)}, max ${Math.max(...runs.map((r) => r.usable)).toFixed(0)})`);
    }
  } finally {
    stopBackend(backend);
  }
});
