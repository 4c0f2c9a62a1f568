// Chat over the local stream, in a real Chromium against the reference backend on loopback:
// the time from sending a message to its confirmed echo painted on screen (p50, p95), beside a
// plain-JS page sending the same way (tests/bench/reference/chat.*), and with a
// 1,000-message conversation on screen, the time an incoming message takes to reach the DOM and
// the screen, and the memory (wasm, JS heap, DOM).
// Figures only; nothing here passes or fails on time.
import { test, Page } from '@playwright/test';
import { accounts } from '../support/accounts';
import { signIn } from '../e2e/portal';
import { agentAccepts, agentSays } from '../support/agent';
import { keepWasmMemory, memoryOf, mib } from './timing';
import { startWithReference, stopWithReference } from './reference';

const ECHOES = Number(process.env.BENCH_ECHOES ?? 100);
const TRANSCRIPT = 1000;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Sends `body` from the panel and resolves with the milliseconds until the painted frame in
 *  which the line shows as sent (the backend's stored echo). Measured inside the page. */
function echo(page: Page, body: string): Promise<number> {
  return page.evaluate((body) => new Promise<number>((resolve) => {
    const input = document.querySelector<HTMLTextAreaElement>('#chat-input')!;
    input.value = body;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const started = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const check = () => {
      const line = [...document.querySelectorAll('.chat-line')].find((l) => l.querySelector('.chat-text')?.textContent === body);
      if (line && line.querySelector('.chat-delivery')?.textContent === 'Sent') resolve(performance.now() - started);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }), body);
}

/** Before the app loads: note when each stream frame arrives, so the page can report how long
 *  a message takes to reach the screen. */
function instrument(): void {
  const w = window as unknown as { __frames: number[] };
  w.__frames = [];
  const onmessage = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    get() { return onmessage.get!.call(this); },
    set(handler) {
      onmessage.set!.call(this, handler && function (this: WebSocket, e: MessageEvent) {
        w.__frames.push(performance.now());
        return handler.call(this, e);
      });
    },
  });
}

/** Has the agent send `body` and resolves, measured in the page, with the milliseconds from the
 *  stream frame's arrival to its line in the DOM (the app's work) and to the next painted frame. */
async function incoming(page: Page, send: () => Promise<unknown>, body: string): Promise<[number, number]> {
  const waiting = page.evaluate((body) => new Promise<[number, number]>((resolve) => {
    const w = window as unknown as { __frames: number[] };
    const before = w.__frames.length;
    const list = document.querySelector('.chat-messages')!;
    const seen = new MutationObserver(() => {
      const line = [...list.querySelectorAll('.chat-text')].find((t) => t.textContent === body);
      if (!line) return;
      seen.disconnect();
      const inDom = performance.now();
      const arrived = w.__frames.slice(before).find((t) => t <= inDom) ?? inDom;
      requestAnimationFrame(() => setTimeout(() => resolve([inDom - arrived, performance.now() - arrived]), 0));
    });
    seen.observe(list, { childList: true, subtree: true, characterData: true });
  }), body);
  await send();
  return waiting;
}

test('chat echo and a long conversation', async ({ browser }) => {
  test.setTimeout(300_000);
  const backend = await startWithReference(['--chat-hours', 'always']);
  try {
    const context = await browser.newContext({ baseURL: backend.url });
    const page = await context.newPage();
    await page.addInitScript(instrument);
    await page.addInitScript(keepWasmMemory);
    await signIn(page, accounts.supportAdmin);
    await page.getByRole('button', { name: /^Chat with support/ }).click();
    await page.getByLabel('Topic').fill('Bench');
    await page.getByLabel('What do you need help with?').fill('Measuring the echo.');
    await page.getByRole('button', { name: 'Start the chat' }).click();
    await page.getByLabel('Your message').waitFor();
    const chats = await (await page.request.get(`${backend.url}/api/v1/chats`)).json();
    const chatId = chats[0].id;
    await agentAccepts(page.request, backend.url, chatId, 'Bench');

    const echoes: number[] = [];
    for (let i = 0; i < ECHOES; i++) echoes.push(await echo(page, `echo ${i}`));
    // The same echo on a plain-JS page (tests/bench/reference/chat.*) in the same chat.
    const plain = await context.newPage();
    await plain.goto(`/bench-reference/chat.html?chat=${encodeURIComponent(chatId)}`);
    await plain.locator('#chat-input').waitFor();
    const plainEchoes: number[] = [];
    for (let i = 0; i < ECHOES; i++) plainEchoes.push(await echo(plain, `plain echo ${i}`));
    await plain.close();
    await page.bringToFront();

    for (let i = echoes.length; i < TRANSCRIPT; i++) {
      await agentSays(page.request, backend.url, chatId, `agent line ${i}`, `bench-${i.toString().padStart(6, '0')}`);
    }
    await page.waitForFunction((n) => document.querySelectorAll('.chat-line').length >= n, TRANSCRIPT);
    const appends: number[] = [];
    for (let i = 0; i < 10; i++) appends.push(await echo(page, `late ${i}`));
    // An agent's message arriving with 1,000 on screen: the app's work, then the painted frame.
    const work: number[] = [];
    const painted: number[] = [];
    for (let i = 0; i < 20; i++) {
      const body = `agent late ${i}`;
      const [w, p] = await incoming(page, () => agentSays(page.request, backend.url, chatId, body, `bench-late-${i}`), body);
      work.push(w);
      painted.push(p);
    }
    const memory = await memoryOf(page);
    await context.close();

    console.log(`\nChat over the local stream (loopback, debug-build backend):`);
    console.log(`  send → echo painted, ${ECHOES} messages     p50 ${pct(echoes, 0.5).toFixed(1)} ms   p95 ${pct(echoes, 0.95).toFixed(1)} ms (goal p95 <= 20 ms)`);
    console.log(`  the same on a plain-JS page              p50 ${pct(plainEchoes, 0.5).toFixed(1)} ms   p95 ${pct(plainEchoes, 0.95).toFixed(1)} ms`);
    console.log(`  with ${TRANSCRIPT} messages on screen: send → painted   p50 ${pct(appends, 0.5).toFixed(1)} ms   max ${Math.max(...appends).toFixed(1)} ms`);
    console.log(`  with ${TRANSCRIPT} on screen, an agent message: frame → in the DOM p50 ${pct(work, 0.5).toFixed(1)} ms   max ${Math.max(...work).toFixed(1)} ms (one frame is 16.7 ms)`);
    console.log(`                                  frame → painted    p50 ${pct(painted, 0.5).toFixed(1)} ms   max ${Math.max(...painted).toFixed(1)} ms`);
    console.log(`  memory with ${TRANSCRIPT}+ messages: wasm ${mib(memory.wasm)} MiB, JS heap ${mib(memory.heap)} MiB, ${memory.nodes} DOM elements`);
  } finally {
    stopWithReference(backend);
  }
});
