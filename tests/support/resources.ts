// What a page holds: DOM nodes and JS event listeners (Chromium's own counters, after a forced
// garbage collection), timers still pending and WebSockets still open (counted by wrappers that
// `countResources` installs as an init script, before the page loads), the JS heap and the wasm
// memory (kept by `keepWasmMemory`, below). The mount-and-unmount check and benchmark
// read them.
import { Page, expect } from '@playwright/test';

/** Counts timers still pending and sockets still open (an init script, before the page). */
export function countResources(): void {
  const w = window as unknown as { __pending: Set<number>; __sockets: number };
  w.__pending = new Set();
  w.__sockets = 0;
  const setT = window.setTimeout.bind(window);
  const clearT = window.clearTimeout.bind(window);
  const setI = window.setInterval.bind(window);
  const clearI = window.clearInterval.bind(window);
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id = setT((...a: unknown[]) => { w.__pending.delete(id); if (typeof fn === 'function') fn(...a); }, ms, ...rest);
    w.__pending.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => { if (id !== undefined) w.__pending.delete(id); clearT(id); }) as typeof window.clearTimeout;
  window.setInterval = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id = setI(fn, ms, ...rest);
    w.__pending.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => { if (id !== undefined) w.__pending.delete(id); clearI(id); }) as typeof window.clearInterval;
  const Socket = window.WebSocket;
  window.WebSocket = class extends Socket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      w.__sockets += 1;
      this.addEventListener('close', () => { w.__sockets -= 1; });
    }
  } as typeof WebSocket;
}

/** What the page holds now, after a forced garbage collection. */
export async function resources(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters') as { nodes: number; jsEventListeners: number };
  const own = await page.evaluate(() => {
    const w = window as unknown as { __pending: Set<number>; __sockets: number };
    return { timers: w.__pending.size, sockets: w.__sockets };
  });
  const memory = await page.evaluate(() => ({
    heap: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    wasm: (window as unknown as { __wasmMemory?: WebAssembly.Memory }).__wasmMemory?.buffer.byteLength ?? 0,
  }));
  await cdp.detach();
  return { nodes: dom.nodes, listeners: dom.jsEventListeners, ...own, heap: memory.heap, wasm: memory.wasm };
}

/** An init script (before the app loads): keeps the app's wasm memory where `resources` (and the benchmark's `memoryOf`) read it. */
export function keepWasmMemory(): void {
  const w = window as unknown as { __wasmMemory?: WebAssembly.Memory };
  const keep = (result: WebAssembly.WebAssemblyInstantiatedSource) => {
    const memory = result.instance.exports.memory;
    if (memory instanceof WebAssembly.Memory) w.__wasmMemory = memory;
    return result;
  };
  const streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
  WebAssembly.instantiateStreaming = (source, imports) => streaming(source, imports).then(keep);
  const plain = WebAssembly.instantiate.bind(WebAssembly) as (b: BufferSource, i?: WebAssembly.Imports) => Promise<WebAssembly.WebAssemblyInstantiatedSource>;
  (WebAssembly as unknown as { instantiate: unknown }).instantiate = (b: BufferSource, i?: WebAssembly.Imports) => plain(b, i).then(keep);
}


/** On the demo console's Devices page (signed in to the portal): mounts the portal into a fresh element, waits for its home page, unmounts it, removes the element. */
export async function mountAndUnmount(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.id = 'cycle';
    document.querySelector('.console-page')!.append(el);
    const w = window as unknown as { handle: unknown; SupportPortal: { mount: (e: Element, c: object) => unknown } };
    w.handle = w.SupportPortal.mount(el, { basePath: '/console/devices' });
  });
  await expect(page.locator('#cycle').getByRole('heading', { level: 1, name: /^Hello/ })).toBeVisible();
  // The keyboard's layer (it comes once the first screen is up) is mounted too: its window
  // listener and its first use of the later texts are part of what an unmount must undo.
  await expect(page.locator('#cycle').getByRole('button', { name: 'Search or go to…' }))
    .toHaveAttribute('aria-keyshortcuts', 'Control+K Meta+K');
  await page.evaluate(() => (window as unknown as { handle: { unmount: () => void } }).handle.unmount());
  // Unmounted: nothing of the portal stays in the host's element.
  await expect(page.locator('#cycle')).toBeEmpty();
  await page.evaluate(() => document.getElementById('cycle')!.remove());
}
