// Hostile responses (issue 13): the real backend's answers, mutated on their way to the app
// (wrong types, missing fields, nulls, huge and negative numbers, huge strings, 10,000-element
// arrays, deep nesting, unknown enum values, broken escapes, control characters, invalid UTF-8,
// truncated bodies), one answer per page load, 300 in all over the main pages. Each load: no
// page error (a Rust panic is one: `unreachable` in the release build, "panicked at" in the
// development one), and the page still shows a heading or a readable notice, never nothing.
// The same mutations, on every answer type, run natively in `src/api/hostile/`.
//
// Seeded: HOSTILE_SEED=<n> replays a run (each test prints its seed).
import { Page, Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { signIn } from './portal';
import { accounts } from '../support/accounts';

const SEED = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31) + 1);

/** What the app says when an answer does not decode (`Key::ErrDecode`), in English. */
const DECODE_NOTICE = 'The server sent an answer the portal does not understand.';

/** xorshift32: small, seeded, reproducible. */
class Rng {
  constructor(private state: number) {
    this.state = state >>> 0 || 1;
  }
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
  below(n: number): number {
    return this.next() % Math.max(1, n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
  percent(p: number): boolean {
    return this.below(100) < p;
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const KINDS = [
  'drop field', 'null', 'wrong type', 'huge number', 'negative number', 'huge string', 'huge array',
  'deep nesting', 'unknown enum value', 'broken escape', 'control characters', 'unknown field',
  'empty or repeated', 'truncated body', 'invalid UTF-8', 'not JSON',
] as const;
type Kind = (typeof KINDS)[number];

function paths(value: Json, at: Path = [], out: Path[] = []): Path[] {
  if (out.length >= 5_000) return out;
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

const nested = (depth: number, object: boolean) =>
  object ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);

/** One mutated body: the JSON `text` of a real answer, changed once. */
function mutate(rng: Rng, text: string): { kind: Kind; body: Buffer } {
  const kind = rng.pick(KINDS);
  const bytes = Buffer.from(text, 'utf8');
  if (kind === 'truncated body') return { kind, body: bytes.subarray(0, rng.below(bytes.length)) };
  if (kind === 'invalid UTF-8') {
    let body = bytes;
    for (let i = 0; i <= rng.below(4); i++) {
      const at = rng.below(body.length + 1);
      const bad = rng.pick([[0xff], [0xfe], [0x80], [0xc3], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]);
      body = Buffer.concat([body.subarray(0, at), Buffer.from(bad), body.subarray(at)]);
    }
    return { kind, body };
  }
  if (kind === 'not JSON') {
    return { kind, body: Buffer.from(rng.pick(['', '<html><body>Bad gateway</body></html>', '\u{feff}' + text, text + ' {"more":1}', 'null', '[]'])) };
  }
  let root = JSON.parse(text) as Json;
  const raws: string[] = [];
  // Text no JSON value holds (numbers past a double, broken escapes, raw control characters),
  // put in place of a marker after serializing.
  const raw = (t: string): Json => {
    raws.push(t);
    return `\u0001raw${raws.length - 1}\u0001`;
  };
  const all = paths(root);
  const path = rng.pick(all);
  const child = (v: Json, k: string | number): Json => (v as Record<string | number, Json>)[k];
  const parent = path.length > 0 ? path.slice(0, -1).reduce(child, root) : null;
  const key = path[path.length - 1];
  const node = path.reduce(child, root);
  let replacement: Json | undefined;
  switch (kind) {
    case 'drop field':
      if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) delete parent[key as string];
      else if (Array.isArray(parent)) parent.splice(key as number, 1);
      else replacement = {};
      break;
    case 'null':
      replacement = null;
      break;
    case 'wrong type':
      replacement = rng.pick<Json>([0, 1.5, 'text', '', true, [], {}, [1, 'two'], { x: 1 }]);
      break;
    case 'huge number':
      replacement = raw(rng.pick(['1e308', '-1e308', '1e400', '9007199254740993', '18446744073709551616', '-9223372036854775809', '4294967296', '256', '123456789012345678901234567890']));
      break;
    case 'negative number':
      replacement = typeof node === 'number' && node !== 0 ? -node : rng.pick([-1, -2147483649, -Number.MAX_SAFE_INTEGER]);
      break;
    case 'huge string':
      replacement = rng.pick(['x', 'é', '😀', '<b>', '\u202e']).repeat(rng.percent(10) ? 1_000_000 : 100_000);
      break;
    case 'huge array': {
      const first = Array.isArray(node) && node.length > 0 && JSON.stringify(node[0]).length < 600 ? node[0] : rng.pick<Json>([1, 'x', null, {}]);
      replacement = new Array(10_000).fill(first);
      break;
    }
    case 'deep nesting':
      replacement = raw(nested(rng.percent(25) ? 100_000 : 200, rng.percent(50)));
      break;
    case 'unknown enum value':
      replacement = rng.pick(['zz_newer_value', 'UNKNOWN', 'p0', 'unknown', '𝔲𝔫𝔨']);
      break;
    case 'broken escape':
      replacement = raw(rng.pick(['"\\ud800"', '"\\udc00x"', '"a\\ud83d"', '"\\ud83d\\u0041"', '"\\u12"', '"\\x41"', '"\\u0000"']));
      break;
    case 'control characters':
      replacement = rng.percent(50) ? 'a\u0000b\u0001\u001f\u007f\u2028\u2029\ufeff\u202ez' : raw('"a\u0001\u0000b\n"');
      break;
    case 'unknown field':
      if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
        node.zz_unknown_field = rng.pick<Json>([raw(nested(100_000, false)), [{ type: 'zz' }, null], 'x'.repeat(10_000)]);
      } else replacement = { zz_unknown_field: 1 };
      break;
    case 'empty or repeated':
      if (Array.isArray(node) && node.length > 0 && rng.percent(50)) node.push(node[0]);
      else replacement = Array.isArray(node) ? [] : {};
      break;
  }
  if (replacement !== undefined) {
    if (path.length === 0) root = replacement;
    else (parent as Record<string | number, Json>)[key] = replacement;
  }
  let out = JSON.stringify(root);
  raws.forEach((t, i) => {
    out = out.split(`"\\u0001raw${i}\\u0001"`).join(t);
  });
  return { kind, body: Buffer.from(out, 'utf8') };
}

/** A page of the portal: where it is, and what a person does there once it shows. */
interface Place {
  name: string;
  path: string;
  then?: (page: Page) => Promise<void>;
  /** Only these of its answers are mutated (those the other places mutate already). */
  answers?: RegExp;
}

/** The answer to mutate on the next load, and what became of it. */
interface Plan {
  target: string | null;
  recording: Set<string> | null;
  mutated: { kind: Kind; url: string; head: string } | null;
  /** Told whether the target's answer went to the app mutated. */
  done: (mutated: boolean) => void;
}

const apiPath = (url: string) => new URL(url).pathname.replace(/^.*?\/api\/v1/, '');

/** Mutates, for each load, the first answer to `plan.target` (a GET of JSON); lets the rest through. */
async function intercept(page: Page, rng: Rng, plan: Plan) {
  await page.route('**/api/v1/**', async (route: Route) => {
    const request = route.request();
    const path = apiPath(request.url());
    if (request.method() !== 'GET' || request.resourceType() === 'websocket') return route.continue();
    plan.recording?.add(path);
    if (plan.target !== path) return route.continue();
    // One answer per load: the next request to the same address goes through.
    plan.target = null;
    try {
      await mutateAnswer(route, rng, plan);
    } catch {
      // The page went on (a navigation) before the answer was back: this load does not count.
      plan.done(false);
    }
  });
}

/** Fetches the real answer and hands the app a mutated copy of it. */
async function mutateAnswer(route: Route, rng: Rng, plan: Plan) {
  const request = route.request();
  const response = await route.fetch();
  const text = await response.text();
  let json = /json/.test(response.headers()['content-type'] ?? '') && response.ok();
  try {
    JSON.parse(text);
  } catch {
    json = false;
  }
  if (!json) {
    await route.fulfill({ response });
    return plan.done(false);
  }
  const { kind, body } = mutate(rng, text);
  const headers = { ...response.headers() };
  // The body is new: its length is Playwright's to set, and it is not compressed.
  for (const h of ['content-length', 'content-encoding', 'transfer-encoding', 'etag']) delete headers[h];
  plan.mutated = { kind, url: request.url(), head: body.subarray(0, 200).toString('latin1') };
  await route.fulfill({ status: response.status(), headers, body });
  plan.done(true);
}

/** Watches for what a panic leaves: a page error, or the panic hook's console line. */
function watchForCrashes(page: Page): string[] {
  const crashes: string[] = [];
  page.on('pageerror', (e) => crashes.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (/panicked at|RuntimeError|unreachable/i.test(m.text())) crashes.push(`console: ${m.text().slice(0, 300)}`);
  });
  return crashes;
}

/** The page shows something a person can read: a heading, or a notice in words. */
async function expectReadable(page: Page, where: string) {
  const heading = page.getByRole('heading', { level: 1 });
  const notice = page.getByRole('alert').filter({ hasText: /[A-Za-z]{3,}/ });
  const readable = heading.or(notice).filter({ visible: true }).first();
  await expect(readable, `${where}: a heading or a readable notice`).toBeVisible({ timeout: 10_000 });
  const text = await page.locator('body').innerText();
  expect(text.trim().length, `${where}: the page is not blank`).toBeGreaterThan(0);
  for (const alert of await page.getByRole('alert').allInnerTexts()) {
    expect(alert, `${where}: a notice in words, not a raw error`).not.toMatch(/panicked|RuntimeError|\[object |undefined|NaN/);
  }
}

/** Loads the places in turn, one mutated answer per load, until `quota` answers were mutated. */
async function run(page: Page, group: number, places: Place[], quota: number) {
  const seed = SEED + group;
  console.log(`hostile responses, group ${group}: seed ${SEED} (rerun with HOSTILE_SEED=${SEED})`);
  const rng = new Rng(seed);
  const crashes = watchForCrashes(page);
  const plan: Plan = { target: null, recording: null, mutated: null, done: () => {} };
  const sleep = (ms: number) => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms));
  await intercept(page, rng, plan);

  // A clean load of each place first: which answers it reads.
  const targets = new Map<string, string[]>();
  for (const place of places) {
    plan.recording = new Set();
    await page.goto(place.path);
    await expectReadable(page, place.name);
    await place.then?.(page);
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
    targets.set(place.name, [...plan.recording].filter((p) => !place.answers || place.answers.test(p)).sort());
    plan.recording = null;
    expect(targets.get(place.name)!.length, `${place.name} reads answers`).toBeGreaterThan(0);
  }
  expect(crashes, 'no crash on the clean loads').toEqual([]);

  const kinds = new Map<string, number>();
  let mutated = 0;
  let notices = 0;
  for (let load = 0; mutated < quota && load < quota * 2; load++) {
    const place = rng.pick(places);
    const target = rng.pick(targets.get(place.name)!);
    const delivered = new Promise<boolean>((resolve) => (plan.done = resolve));
    Object.assign(plan, { target, mutated: null });
    const where = () => `seed ${SEED}, group ${group}, load ${load}: ${place.name}, ${plan.mutated?.kind ?? 'unmutated'} ${target} (${plan.mutated?.head ?? ''})`;
    await page.goto(place.path);
    // A mutated answer may take away what `then` needs (the launcher): the load still counts.
    if (place.then) await place.then(page).catch(() => {});
    const arrived = await Promise.race([delivered, sleep(8_000)]);
    plan.target = null;
    if (!arrived) continue;
    // Let the app decode and draw what it got (a page that draws 10,000 rows holds the next
    // look at it until it is done).
    await page.waitForTimeout(250);
    expect(crashes, where()).toEqual([]);
    await expectReadable(page, where());
    expect(crashes, where()).toEqual([]);
    mutated++;
    const kind = plan.mutated!.kind;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (await page.getByRole('alert').filter({ hasText: DECODE_NOTICE }).count() > 0) notices++;
  }
  console.log(
    `hostile responses, group ${group}: ${mutated} mutated answers, ${notices} decode notices shown, 0 page errors; ` +
      [...kinds].map(([k, n]) => `${k} ${n}`).join(', '),
  );
  expect(mutated, 'every mutation reached the app').toBe(quota);
}

test.describe('hostile responses', () => {
  // A mutated answer can send the app on to an address that is not there (a chat id, a
  // cursor): the backend's refusal and a stream that cannot open are the browser's lines, not
  // the app's fault. A crash is watched for on its own.
  test.use({
    expectedConsole: [
      /^Failed to load resource: the server responded with a status of (400|404|414|422|431) \(/,
      /^WebSocket connection to '.*' failed/,
    ],
  });
  test.setTimeout(150_000);

  test('the home page, settings and the chat launcher survive 75 mutated answers', async ({ page }) => {
    await signIn(page, accounts.systemAdmin);
    const openChat = async (p: Page) => {
      await p.getByRole('button', { name: /^Chat with support/ }).click();
      await expect(p.getByRole('dialog', { name: 'Chat with support' })).toBeVisible();
    };
    await run(page, 1, [
      { name: 'home', path: '/' },
      { name: 'settings', path: '/settings' },
      { name: 'chat availability', path: '/', then: openChat, answers: /^\/chat/ },
    ], 75);
  });

  test('the case list and a case survive 75 mutated answers', async ({ page, baseURL }) => {
    await signIn(page, accounts.systemAdmin);
    const list = await page.request.get(`${baseURL}/api/v1/cases?scope=organisation`);
    expect(list.ok(), await list.text()).toBe(true);
    const items: { id: string }[] = (await list.json()).items;
    expect(items.length, 'the demo organisation has a case').toBeGreaterThan(0);
    await run(page, 2, [
      { name: 'my cases', path: '/cases' },
      { name: "the organisation's cases", path: '/cases?scope=organisation' },
      { name: 'a case', path: `/cases/${encodeURIComponent(items[0].id)}` },
    ], 75);
  });

  test('service history and help survive 75 mutated answers', async ({ page }) => {
    await signIn(page, accounts.systemAdmin);
    await run(page, 3, [
      { name: 'service history', path: '/history' },
      { name: 'help', path: '/help' },
      { name: 'a help article', path: '/help/report-suite-data-missing' },
    ], 75);
  });

  test('support users survive 75 mutated answers', async ({ page }) => {
    await signIn(page, accounts.systemAdmin);
    await run(page, 4, [
      { name: 'support users', path: '/support-users' },
      { name: 'the audit log', path: '/support-users/audit' },
    ], 75);
  });
});
