// What the benchmarks share: medians, one printed line per measured step, and the timing of an
// answer together with the moment the page shows it.
import { Page, Response } from '@playwright/test';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One line of figures: the backend's median answer time and the median time to screen. */
export const line = (name: string, backend: number[], painted: number[]) =>
  `${name.padEnd(34)} backend median ${median(backend).toFixed(1).padStart(6)} ms   on screen median ${median(painted).toFixed(0).padStart(5)} ms`;

/** A request's server time (request sent to last byte), from the browser's timing. */
export function serverTime(response: Response): number {
  const t = response.request().timing();
  return t.responseEnd - t.requestStart;
}

/** Runs `act`, waits for the answer `which` and for `shown`; returns both times. */
export async function measure(page: Page, which: (r: Response) => boolean, act: () => Promise<unknown>, shown: () => Promise<unknown>): Promise<[number, number]> {
  const started = performance.now();
  const [response] = await Promise.all([page.waitForResponse(which), act()]);
  await shown();
  return [serverTime(response), performance.now() - started];
}

export { keepWasmMemory } from '../support/resources';

/** The page's memory now: wasm (0 without `keepWasmMemory` or wasm), JS heap (Chromium with
 *  --enable-precise-memory-info), and its number of DOM elements. */
export function memoryOf(page: Page): Promise<{ wasm: number; heap: number; nodes: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __wasmMemory?: WebAssembly.Memory };
    const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
    return { heap, wasm: w.__wasmMemory?.buffer.byteLength ?? 0, nodes: document.getElementsByTagName('*').length };
  });
}

/** Bytes as MiB, one decimal. */
export const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
