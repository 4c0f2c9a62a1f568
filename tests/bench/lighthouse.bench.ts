// Lighthouse mobile (its default: an emulated mid-range phone, 4x CPU slowdown, simulated slow
// 4G) on the sign-in page, the signed-in home page and the plain-JS reference home page
// (tests/bench/reference/), each the median of RUNS runs on the system Chromium. Figures only.
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from '../support/backend';
import { accounts } from '../support/accounts';
import { median } from './timing';
import { startWithReference, stopWithReference } from './reference';
import { SCRIPTED } from '../support/scripted';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const flags = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

interface Run { lcp: number; tbt: number; cls: number; score: number }

/** One Lighthouse run of `url` (performance only), with `cookie` sent on every request. */
function lighthouse(url: string, cookie: string | undefined, out: string): Run {
  const args = [path.join(root, 'node_modules', 'lighthouse', 'cli', 'index.js'), url,
    `--chrome-path=${chromium}`, `--chrome-flags=${flags}`, '--only-categories=performance',
    '--output=json', `--output-path=${out}`, '--quiet'];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: chromium } });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const audit = (id: string) => report.audits[id].numericValue as number;
  return {
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    score: report.categories.performance.score as number,
  };
}

test('Lighthouse mobile: sign-in, the signed-in home page, and the plain-JS home page', async ({ playwright }) => {
  test.setTimeout(900_000);
  const backend = await startWithReference();
  const reports = mkdtempSync(path.join(tmpdir(), 'lighthouse-'));
  const rows: string[] = [];
  try {
    // A session for the signed-in pages, handed to Lighthouse as a request header.
    const api = await playwright.request.newContext({ baseURL: backend.url });
    const signedIn = await api.post('/api/v1/session', {
      headers: SCRIPTED,
      data: { email: accounts.supportAdmin.email, password: accounts.supportAdmin.password },
    });
    if (!signedIn.ok()) throw new Error(`sign-in failed: ${signedIn.status()}`);
    const session = (await api.storageState()).cookies.find((c) => c.name === 'sp_session');
    if (!session) throw new Error('no session cookie');
    const cookie = `${session.name}=${session.value}`;
    const report = path.join(reports, 'lighthouse.json');
    const pages: [string, string, string | undefined][] = [
      ['sign-in page (signed out)', '/sign-in', undefined],
      ['home page, signed in', '/', cookie],
      ['plain-JS home page, signed in', '/bench-reference/home.html', cookie],
    ];
    for (const [name, url, withCookie] of pages) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(lighthouse(`${backend.url}${url}`, withCookie, report));
      const m = (f: (r: Run) => number) => median(runs.map(f));
      rows.push(`${name.padEnd(30)} LCP ${(m((r) => r.lcp) / 1000).toFixed(2)} s   TBT ${m((r) => r.tbt).toFixed(0).padStart(4)} ms` +
        `   CLS ${m((r) => r.cls).toFixed(3)}   score ${m((r) => r.score).toFixed(2)}`);
    }
    await api.dispose();
  } finally {
    stopWithReference(backend);
    rmSync(reports, { recursive: true, force: true });
  }
  console.log(`\nLighthouse mobile, median of ${RUNS} (goals: LCP <= 1.7 s, TBT <= 80 ms, CLS <= 0.05, score >= 0.98):`);
  for (const row of rows) console.log(`  ${row}`);
});
