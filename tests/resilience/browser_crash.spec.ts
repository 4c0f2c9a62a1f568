// The browser dies (issue 13): Chromium, on a persistent profile, is killed with SIGKILL (its
// whole process group) 20 times at seeded random moments while a case draft, a reply to a case
// and the chat's outbox hold unsent input (the chat's message POSTs fail, as on a dead link, so
// the messages wait in the outbox). Each time the page has said "Saved on this device." for a
// value (the case draft's description, the reply, a chat message waiting to be sent), that
// value must come back after the relaunch (signing in again if the session cookie did not
// survive). What was typed after the last acknowledgement may be lost, nothing older may. Half
// the kills come right as an acknowledgement appears, half while more is being typed or just
// after a message was sent. The page reports each acknowledgement the moment it appears (a
// MutationObserver and a binding), so the test knows every value it was shown as saved. At the
// end the link comes back: every message the outbox kept is delivered, once.
//
// The test launches Debian's /usr/bin/chromium itself (CHROMIUM_PATH overrides), not through
// Playwright, so that it owns the process group it kills, and drives it over the DevTools
// protocol. The seed is printed: SP_BROWSER_SEED=<seed> repeats the kill moments
// (SP_BROWSER_KILLS changes their number, SP_BROWSER_VERBOSE prints each round).
import { test, expect, chromium, Browser, BrowserContext, Page } from '@playwright/test';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accounts } from '../support/accounts';
import { agentHeaders } from '../support/agent';
import { RunningBackend, startBackend, stopBackend } from '../support/backend';
import { Client, prng } from './client';

const KILLS = Number(process.env.SP_BROWSER_KILLS ?? 20);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SAVED = 'Saved on this device.';
const user = accounts.supportAdmin;

/** A Chromium of the test's own and the Playwright connection to it. */
interface Chrome { child: ChildProcess; browser: Browser }

let backend: RunningBackend | undefined;
let profile: string | undefined;
let chrome: Chrome | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts Chromium on `dir` in a process group of its own and connects to it. */
async function launch(dir: string): Promise<Chrome> {
  // What a kill leaves behind: the last run's port, and the profile lock of a dead process.
  for (const stale of ['DevToolsActivePort', 'SingletonLock', 'SingletonSocket', 'SingletonCookie']) {
    fs.rmSync(path.join(dir, stale), { force: true });
  }
  const child = spawn(CHROMIUM, [
    `--user-data-dir=${dir}`, '--remote-debugging-port=0',
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    'about:blank',
  ], { detached: true, stdio: 'ignore' });
  chrome = { child, browser: undefined as unknown as Browser };
  const portFile = path.join(dir, 'DevToolsActivePort');
  const deadline = Date.now() + 20_000;
  let port = 0;
  while (!port) {
    if (child.exitCode !== null) throw new Error(`chromium exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('chromium wrote no DevToolsActivePort');
    const first = fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8').split('\n')[0] : '';
    port = Number(first) || 0;
    if (!port) await sleep(25);
  }
  chrome.browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return chrome;
}

/** SIGKILL to Chromium's whole process group; resolves once the browser process is gone. */
async function kill(c: Chrome): Promise<void> {
  const { child } = c;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  } else {
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* the group is gone */ }
  }
}

// Runs after a pass, a failure and a timeout alike.
test.afterEach(async () => {
  if (chrome) await kill(chrome);
  chrome = undefined;
  stopBackend(backend);
  backend = undefined;
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
  profile = undefined;
});

/**
 * Runs in the page (an init script): reports to the test, through the `spSaved` binding, each
 * value the page shows as saved, at the frame that shows it. `field` is `draft` (the case draft's
 * description), `reply` or `chat` (a message waiting in the outbox).
 */
function watchSaved(saved: string): void {
  const told = new Set<string>();
  const tell = (field: string, value: string) => {
    if (told.has(`${field}\n${value}`)) return;
    told.add(`${field}\n${value}`);
    void (window as unknown as { spSaved?: (field: string, value: string) => Promise<void> }).spSaved?.(field, value);
  };
  /** The value of the control labelled `text`, if it is on the page. */
  const labelled = (text: string): string | undefined => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
    const control = label?.htmlFor ? document.getElementById(label.htmlFor) : null;
    return (control as HTMLTextAreaElement | null)?.value;
  };
  const check = () => {
    for (const note of document.querySelectorAll('main form p')) {
      if (!note.textContent?.includes(saved)) continue;
      const reply = labelled('Your reply');
      const description = labelled('Describe the problem');
      if (reply !== undefined) tell('reply', reply);
      else if (description !== undefined) tell('draft', description);
    }
    for (const line of document.querySelectorAll('[role="dialog"] li')) {
      const delivery = [...line.children].find((c) => c.textContent?.includes(saved));
      const text = line.querySelector(':scope > p:nth-of-type(2)');
      if (delivery && text?.textContent) tell('chat', text.textContent);
    }
  };
  // Read at the next frame, as painted: between two microtasks the app may have updated the
  // note and not yet the box.
  let frame = 0;
  const onChange = () => { if (!frame) frame = requestAnimationFrame(() => { frame = 0; check(); }); };
  new MutationObserver(onChange).observe(document, { subtree: true, childList: true, characterData: true });
}

/** A text field across kills: every value it held, in order, and the last one shown as saved. */
class Field {
  /** Values typed since the last relaunch, oldest first; the first is what came back. */
  private values: string[] = [''];
  private acked = 0;

  constructor(readonly name: string) {}

  typed(value: string): void { this.values.push(value); }

  /** The page said `value` is saved. */
  saved(value: string): void {
    const at = this.values.lastIndexOf(value);
    if (at < 0) throw new Error(`${this.name}: shown as saved, but never typed: ${JSON.stringify(value)}`);
    this.acked = Math.max(this.acked, at);
  }

  /** The value shown after a relaunch: the last acknowledged one or one typed after it. */
  check(shown: string): void {
    const allowed = this.values.slice(this.acked);
    expect(allowed, `${this.name} after the relaunch: the last value shown as saved, or one typed later`).toContain(shown);
    this.values = [shown];
    this.acked = 0;
  }

  /** Whether the last value shown as saved is more than nothing. */
  get holdsSaved(): boolean { return this.values[this.acked] !== ''; }
}

test('a user whose browser is killed while writing a case, a reply and chat messages finds all that was shown as saved', async () => {
  // About a minute alone; beside the e2e journeys on two cores it once took 2.8 min.
  test.setTimeout(300_000);
  const seed = Number(process.env.SP_BROWSER_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`browser kill test seed ${seed} (SP_BROWSER_SEED=${seed} repeats the kill moments)`);
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const verbose = (what: string) => { if (process.env.SP_BROWSER_VERBOSE) console.log(what); };
  const began = Date.now();

  backend = await startBackend(['--chat-hours', 'always']);
  const base = backend.url;
  // The case to reply to and the open chat, made over the API by the same user.
  const setup = new Client('setup', () => base);
  await setup.signIn(user.email, user.password);
  const filed = await setup.expectStatus('POST', '/cases', 201, {
    product: 'analytics', priority: 'p3', title: 'Exports stop at midnight', description: 'Since Monday.',
    contact_phone: '+44 20 7946 0000', time_zone: 'Europe/London',
  }, { 'Idempotency-Key': randomUUID() });
  const caseId: string = filed.body.id;
  const chat = await setup.expectStatus('POST', '/chats', 201, { product: 'analytics', topic: 'Browser crashes', summary: 'Messages across crashes' });
  const chatId: string = chat.body.id;
  const accepted = await fetch(`${base}/agent/v1/chats/${chatId}/accept`, {
    method: 'POST', headers: { ...agentHeaders(), 'Content-Type': 'application/json' }, body: JSON.stringify({ agent: 'Priya Nair' }),
  });
  expect(accepted.status).toBe(200);

  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-browser-'));
  const draft = new Field('the case draft');
  const reply = new Field('the reply');
  /** Messages sent in the panel, and those it showed as saved on this device. */
  const sent: string[] = [];
  const keptMessages = new Set<string>();
  const failures: string[] = [];
  /** Who waits for a value to be shown as saved (`field\nvalue`). */
  const waiting = new Map<string, () => void>();
  /** The binding's reports, applied to the fields (the page reports a value once). */
  const onSaved = (field: string, value: string) => {
    try {
      if (field === 'draft') draft.saved(value);
      else if (field === 'reply') reply.saved(value);
      else if (field === 'chat') {
        if (!sent.includes(value)) throw new Error(`a message shown as saved was never sent: ${value}`);
        keptMessages.add(value);
      }
    } catch (e) {
      failures.push((e as Error).message);
    }
    waiting.get(`${field}\n${value}`)?.();
  };
  /** Resolves the moment the page shows `value` of `field` as saved. */
  const shownSaved = (field: string, value: string) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${field} never shown as saved: ${value}`)), 10_000);
    waiting.set(`${field}\n${value}`, () => { clearTimeout(timer); resolve(); });
  });
  const figures = { kills: 0, back: 0, signInsAgain: 0, atAcknowledgement: 0, whileTyping: 0, draftsBack: 0, repliesBack: 0, messagesBack: 0 };

  /** Opens `url` in the app, signing in again when the session did not survive the kill. */
  const open = async (page: Page, url: string, ready: (p: Page) => Promise<void>) => {
    await page.goto(`${base}${url}`);
    const email = page.getByLabel('Email');
    const arrived = ready(page).then(() => 'page' as const);
    const signIn = email.waitFor().then(() => 'sign-in' as const);
    const first = await Promise.race([arrived, signIn]);
    arrived.catch(() => {});
    signIn.catch(() => {});
    if (first === 'sign-in') {
      figures.signInsAgain++;
      await email.fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Signing in goes on to the page asked for.
      await ready(page);
    }
  };
  const caseForm = async (page: Page) => {
    await expect(page.getByRole('button', { name: 'Discard draft' })).toBeVisible();
  };
  const casePage = async (page: Page) => {
    await expect(page.getByLabel('Your reply')).toBeVisible();
  };
  const panel = (page: Page) => page.getByRole('dialog', { name: 'Chat with support' });

  for (let round = 1; round <= KILLS + 1; round++) {
    const c = await launch(profile);
    const context: BrowserContext = c.browser.contexts()[0];
    // The chat's link is down for sends: messages wait in the outbox (until the end).
    if (round <= KILLS) {
      await context.route(/\/api\/v1\/chats\/[^/]+\/messages$/, (route) =>
        route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback());
    }
    await context.exposeBinding('spSaved', (_source, field: string, value: string) => onSaved(field, value));
    await context.addInitScript(watchSaved, SAVED);
    const page = context.pages()[0] ?? await context.newPage();

    // After a kill: everything shown as saved is back.
    let whole = true;
    const verify = (what: string, check: () => void, counted: () => void) => {
      try {
        check();
        counted();
      } catch (e) {
        whole = false;
        failures.push(`after kill ${round - 1}, ${what}: ${(e as Error).message.split('\n')[0]}`);
      }
    };
    await open(page, '/cases/new', caseForm);
    const description = page.getByLabel('Describe the problem');
    const shownDraft = await description.count() ? await description.inputValue() : '';
    if (round > 1) verify('the case draft', () => draft.check(shownDraft), () => figures.draftsBack++);
    await open(page, `/cases/${caseId}`, casePage);
    // The reply box shows before its saved value is read: wait for what must come back, or
    // give the read a moment when nothing must.
    const replyBox = page.getByLabel('Your reply');
    if (reply.holdsSaved) await expect(replyBox).not.toHaveValue('', { timeout: 5_000 }).catch(() => {});
    else await sleep(300);
    const shownReply = await replyBox.inputValue();
    if (round > 1) verify('the reply', () => reply.check(shownReply), () => figures.repliesBack++);
    await page.getByRole('button', { name: /^Chat with support/ }).click();
    await expect(panel(page).getByLabel('Your message')).toBeVisible();
    if (round > 1) {
      const expected = [...keptMessages];
      // The resumed outbox shows its messages once the chat's history is in.
      await expect.poll(async () => {
        const shown = await panel(page).getByRole('listitem').allInnerTexts();
        return expected.filter((m) => !shown.some((s) => s.includes(m)));
      }, { timeout: 10_000 }).toEqual([]).catch(() => {});
      const shown = await panel(page).getByRole('listitem').allInnerTexts();
      verify('the chat outbox', () => {
        const missing = expected.filter((m) => !shown.some((s) => s.includes(m)));
        expect(missing, 'messages shown as saved on this device, missing after the relaunch').toEqual([]);
        const twice = sent.filter((m) => shown.filter((s) => s.includes(m)).length > 1);
        expect(twice, 'messages shown twice').toEqual([]);
      }, () => { figures.messagesBack += expected.length; });
      if (whole) figures.back++;
      verbose(`${((Date.now() - began) / 1000).toFixed(1)} s: relaunch ${round - 1}: ${JSON.stringify(figures)}`);
    }
    if (round > KILLS) break;

    // Type, and kill at a seeded moment: right as an acknowledgement appears, or while more
    // is being typed (a suffix key by key) or a message was just sent.
    const target = pick(['draft', 'reply', 'chat'] as const);
    const atAck = random() < 0.5;
    const delay = random();
    const word = () => pick(['late', 'exports', 'segment', 'midnight', 'report', 'suite', 'hourly', 'data', 'stuck']);
    const text = (prefix: string) => `${prefix} ${round}: ${word()} ${word()} ${word()}`;
    if (atAck) figures.atAcknowledgement++;
    else figures.whileTyping++;
    verbose(`round ${round}: kill on ${target} ${atAck ? 'at the acknowledgement' : `while typing (${delay.toFixed(2)})`}`);

    /** Types `value` into `field`, then either kills at its acknowledgement or types on. */
    const write = async (field: Field, name: string, box: ReturnType<Page['getByLabel']>, prefix: string) => {
      const value = text(prefix);
      field.typed(value);
      const saved = shownSaved(name, value);
      await box.fill(value);
      await saved;
      if (atAck) return kill(c);
      const suffix = ` ${word()} ${word()} ${word()}`;
      for (let i = 1; i <= suffix.length; i++) field.typed(value + suffix.slice(0, i));
      const typing = box.pressSequentially(suffix, { delay: 30 }).catch(() => {});
      await sleep(delay * suffix.length * 30);
      await kill(c);
      await typing;
    };

    if (target === 'draft') {
      await open(page, '/cases/new', caseForm);
      if (!(await description.count())) {
        await page.getByRole('radio', { name: 'Analytics' }).check();
        await page.getByRole('button', { name: 'Next' }).click();
        await page.getByLabel('Title').fill('The browser was killed while I wrote this');
      }
      await write(draft, 'draft', description, 'Case');
    } else if (target === 'reply') {
      await write(reply, 'reply', page.getByLabel('Your reply'), 'Reply');
    } else {
      const body = text('Message');
      sent.push(body);
      const saved = shownSaved('chat', body);
      await panel(page).getByLabel('Your message').fill(body);
      await panel(page).getByRole('button', { name: 'Send', exact: true }).click();
      if (atAck) {
        await saved;
      } else {
        saved.catch(() => {});
        await panel(page).getByRole('listitem').filter({ hasText: body }).waitFor();
        await sleep(delay * 40);
      }
      await kill(c);
    }
    if (chrome && chrome.child.exitCode === null && chrome.child.signalCode === null) await kill(c);
    figures.kills++;
  }

  // The link is back (the last launch has no failing route): the outbox goes out, each once.
  const page = chrome!.browser.contexts()[0].pages()[0];
  const stored = async () => (await setup.expectStatus('GET', `/chats/${chatId}/messages?after=0`, 200)).body.map((m: { body: string }) => m.body);
  await expect.poll(async () => {
    const bodies: string[] = await stored();
    return [...keptMessages].filter((m) => !bodies.includes(m));
  }, { timeout: 20_000, message: 'every message kept in the outbox is delivered' }).toEqual([]);
  const bodies: string[] = await stored();
  const doubles = bodies.filter((b, i) => bodies.indexOf(b) !== i);
  expect(doubles, 'messages delivered twice').toEqual([]);
  expect(bodies.filter((b) => !sent.includes(b)), 'messages nobody sent').toEqual([]);
  for (const m of keptMessages) await expect(panel(page).getByRole('listitem').filter({ hasText: m })).toContainText('Sent');

  const seconds = ((Date.now() - began) / 1000).toFixed(0);
  console.log(
    `browser killed ${figures.kills} times (${figures.atAcknowledgement} as "saved" appeared, ${figures.whileTyping} while typing or sending; ` +
    `signed in again ${figures.signInsAgain} times): ${figures.back}/${figures.kills} relaunches had every draft, reply and outbox message shown as saved back ` +
    `(${figures.draftsBack} case drafts, ${figures.repliesBack} replies, ${figures.messagesBack} outbox messages checked; ` +
    `${keptMessages.size} kept messages then delivered once, ${doubles.length} doubles) in ${seconds} s, seed ${seed}`,
  );
  expect(failures, 'values shown as saved and lost to a kill').toEqual([]);
  expect(figures.back).toBe(KILLS);
});
