// What a host page keeps after mounting and unmounting the portal many times (the demo
// console's Devices page, `SupportPortal.mount` from /embed.js): DOM nodes and JS event
// listeners (Chromium's own counters, after a forced garbage collection), pending timers and
// open WebSockets (counted by wrappers installed before the page loads), the JS heap and the
// wasm memory: after the first cycle, and after CYCLES.
import { test, expect } from '@playwright/test';
import { startBackend, stopBackend } from '../support/backend';
import { accounts } from '../support/accounts';
import { mib } from './timing';
import { countResources, keepWasmMemory, mountAndUnmount, resources } from '../support/resources';
import { SCRIPTED } from '../support/scripted';

const CYCLES = Number(process.env.BENCH_MOUNT_CYCLES ?? 100);

test('memory after mounting and unmounting the portal', async ({ browser }) => {
  test.setTimeout(600_000);
  const backend = await startBackend(['--phase', 'live', '--chat-hours', 'always']);
  try {
    const context = await browser.newContext({ baseURL: backend.url });
    await context.addInitScript(keepWasmMemory);
    await context.addInitScript(countResources);
    const page = await context.newPage();
    await page.request.post('/console/sign-in', { headers: SCRIPTED, form: { email: accounts.supportAdmin.email }, maxRedirects: 0 });
    const signIn = await page.request.post('/api/v1/session', { headers: SCRIPTED, data: { email: accounts.supportAdmin.email, password: accounts.supportAdmin.password } });
    expect(signIn.ok()).toBe(true);
    await page.goto('/console/devices/');
    const before = await resources(page);
    await mountAndUnmount(page);
    const first = await resources(page);
    for (let i = 1; i < CYCLES; i++) await mountAndUnmount(page);
    const last = await resources(page);
    const row = (name: string, c: typeof first) =>
      `${name.padEnd(28)} nodes ${String(c.nodes).padStart(6)}   listeners ${String(c.listeners).padStart(5)}   timers ${String(c.timers).padStart(3)}   sockets ${c.sockets}   JS heap ${mib(c.heap)} MiB   wasm ${mib(c.wasm)} MiB`;
    console.log(`\nMount and unmount on a host page (the demo console), ${CYCLES} cycles:`);
    console.log(row('before any mount', before));
    console.log(row('after the first cycle', first));
    console.log(row(`after ${CYCLES} cycles`, last));
    console.log(`growth from the first cycle to the last: nodes ${last.nodes - first.nodes}, listeners ${last.listeners - first.listeners}, timers ${last.timers - first.timers}, sockets ${last.sockets - first.sockets}, JS heap ${((last.heap - first.heap) / 1024).toFixed(0)} KiB, wasm ${((last.wasm - first.wasm) / 1024).toFixed(0)} KiB`);
    await context.close();
  } finally {
    stopBackend(backend);
  }
});
