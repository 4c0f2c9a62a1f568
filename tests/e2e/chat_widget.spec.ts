// The chat widget for host pages (/chat-loader.js): a launcher drawn at once in a shadow root,
// the chat itself fetched on the first click. On the portal's origin it runs in the page (the
// demo console's Devices page, which hands over its signed-in user through
// `data-handoff-url`); on any other origin in an iframe of the portal's (`chat-frame.html`).
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { consoleOnly } from './console';
import { chatPanel, controlStreams, say, shownBodies, startAcceptedChat, storedBodies } from './chat';
import { keptOnDevice } from './cases';
import { wcagViolations } from './axe';
import { freshCustomer } from './users';
import { accounts } from '../support/accounts';
import { agentSays } from '../support/agent';
import { mintHandoff } from '../support/host';
import { startForeignHost } from '../support/foreign';
import { startBackend, stopBackend } from '../support/backend';
import type { RunningBackend } from '../support/backend';
import { SCRIPTED } from '../support/scripted';

/** The launcher, by its whole name (it grows with the unread count: "Chat with support: 1 new"). */
const launcher = (page: Page, name = 'Chat with support') => page.getByRole('button', { name, exact: true });

/** The messages the widget's conversation shows. */
const messages = (page: Page) => chatPanel(page).getByRole('list', { name: 'Messages' }).getByRole('listitem');

/** The console's Support link, which carries the unread count ("Support (1 unread)"). */
const supportLink = (page: Page) => page.getByRole('navigation', { name: 'Console' })
  .getByRole('link', { name: /^Support( \(\d+ unread\))?$/ });

/** A host page of the test's own (with an icon of its own: the loopback host has none to serve). */
const hostPage = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <link rel="icon" href="data:,"><title>${title}</title></head><body>${body}</body></html>`;

/** The one script tag a host page adds, with its `data-` options. */
const loaderTag = (portal: string, options = '') => `<script src="${portal}/chat-loader.js"${options} defer></script>`;

/** Serves `pages` (each given the portal's address) on another origin, with a backend of their
 *  own that lets that origin frame the portal (`--embed-origins`); stops both afterwards. */
async function onAnotherOrigin(
  page: Page,
  pages: Record<string, (portal: string) => string>,
  run: (host: string, portal: string) => Promise<void>,
): Promise<void> {
  let portal = '';
  const host = await startForeignHost(Object.fromEntries(
    Object.entries(pages).map(([path, html]) => [path, () => html(portal)])));
  let backend: RunningBackend | undefined;
  try {
    backend = await startBackend(['--phase', 'live', '--chat-hours', 'always', '--embed-origins', host.url]);
    portal = backend.url;
    await run(host.url, portal);
  } finally {
    // Away from the page first, so that nothing of it tries the stopped backend.
    await page.goto('about:blank').catch(() => {});
    stopBackend(backend);
    await host.close();
  }
}

test('the launcher alone loads until the first click', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(`${r.method()} ${new URL(r.url()).pathname}`));
  await consoleOnly(page, accounts.supportAdmin.email);
  await expect(launcher(page)).toBeVisible();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
  await page.waitForLoadState('networkidle');
  const widgetTraffic = () => requested.filter((r) => /\/chat-widget-|\/chat-frame\.html|\/api\/v1\/|\/console\/handoff/.test(r));
  expect(requested).toContain('GET /chat-loader.js');
  expect(widgetTraffic(), 'before the first click').toEqual([]);

  await launcher(page).click();
  const panel = chatPanel(page);
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Product')).toBeVisible();
  await expect(panel.getByLabel('Topic')).toBeVisible();
  await expect(panel.getByLabel('What do you need help with?')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Start the chat' })).toBeEnabled();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'true');
  expect(widgetTraffic()).toEqual(expect.arrayContaining([
    expect.stringMatching(/^GET \/chat-widget-[0-9a-f]{16}\.js$/),
    expect.stringMatching(/^GET \/chat-widget-[0-9a-f]{16}\.wasm$/),
    'POST /console/handoff',
    'POST /api/v1/session/handoff',
  ]));
});

test('a console user chats with support from a console page', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Ines Okafor');
  await consoleOnly(page, me.email);
  const { chatId } = await startAcceptedChat(page, baseURL!, 'A gateway is offline');
  await agentSays(page.request, baseURL!, chatId, 'Which device is it?');
  // Support's messages carry no author of their own (the agent is named on the chat): "Support".
  await expect(messages(page).filter({ hasText: /^Support\s*Which device is it\?$/ })).toBeVisible();

  await say(page, 'The gateway in Lisbon.');
  await expect(messages(page).filter({ hasText: /^You\s*The gateway in Lisbon\./ })).toContainText('Sent');
  const stored = await storedBodies(page.request, baseURL!, chatId);
  expect(stored.filter((b) => b === 'The gateway in Lisbon.'), 'stored once').toHaveLength(1);
  expect(stored).toEqual(['Which device is it?', 'The gateway in Lisbon.']);
  expect(await shownBodies(chatPanel(page))).toEqual(stored);
});

test('unread messages reach the launcher and the console', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Oren Falk');
  await consoleOnly(page, me.email);
  const { chatId, panel } = await startAcceptedChat(page, baseURL!, 'Unread on Devices');
  await panel.getByRole('button', { name: 'Minimise' }).click();
  await expect(panel).toBeHidden();
  await expect(launcher(page)).toBeFocused();
  await expect(supportLink(page)).toHaveAccessibleName('Support');

  await agentSays(page.request, baseURL!, chatId, 'Are you still there?');
  await expect(launcher(page, 'Chat with support: 1 new')).toBeVisible();
  await expect(supportLink(page)).toHaveAccessibleName('Support (1 unread)');

  await launcher(page, 'Chat with support: 1 new').click();
  await expect(panel.getByText('Are you still there?')).toBeVisible();
  await expect(launcher(page)).toBeVisible();
  await expect(supportLink(page)).toHaveAccessibleName('Support');
});

test('after a chat in the widget the user rates it and continues it as a case', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Tove Berg');
  await consoleOnly(page, me.email);
  const { chatId, panel } = await startAcceptedChat(page, baseURL!, 'Rated and continued');
  await say(page, 'The export stopped at noon.');
  await expect(messages(page).filter({ hasText: 'The export stopped at noon.' })).toContainText('Sent');
  await panel.getByRole('button', { name: 'End the chat' }).click();
  await expect(panel.getByText('This chat has ended.')).toBeVisible();

  // Sending without a score sends nothing: the first score gets the focus.
  await panel.getByRole('button', { name: 'Send the rating' }).click();
  await expect(panel.getByRole('radio', { name: '1 – Poor' })).toBeFocused();
  await panel.getByRole('group', { name: 'How was this chat?' }).getByRole('radio', { name: '4 – Very good' }).check();
  await panel.getByLabel('Comment (optional)').fill('Quick and clear.');
  await panel.getByRole('button', { name: 'Send the rating' }).click();
  await expect(panel.getByText('Thank you for your rating.')).toBeVisible();
  const chat = await (await page.request.get(`${baseURL}/api/v1/chats/${chatId}`)).json();
  expect(chat.rating).toEqual({ score: 4, comment: 'Quick and clear.' });

  const transcript = panel.getByRole('link', { name: 'Download the transcript (text)' });
  expect(await transcript.getAttribute('href')).toBe(`${baseURL}/api/v1/chats/${chatId}/transcript?format=text`);

  await panel.getByRole('button', { name: 'Continue as a case' }).click();
  const toCase = panel.getByRole('link', { name: 'Open the case this chat became' });
  await expect(toCase).toBeVisible();
  const caseId = (await (await page.request.get(`${baseURL}/api/v1/chats/${chatId}`)).json()).case_id;
  expect(caseId).toBeTruthy();
  expect(await toCase.getAttribute('href')).toBe(`${baseURL}/cases/${caseId}`);
  const filed = await page.request.get(`${baseURL}/api/v1/cases/${caseId}`);
  expect(filed.ok()).toBe(true);
  expect((await filed.json()).title).toContain('Rated and continued');
});

test('the widget works by keyboard and meets WCAG 2.2 AA', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Ada Keys');
  await consoleOnly(page, me.email);
  await launcher(page).focus();
  await page.keyboard.press('Enter');
  const panel = chatPanel(page);
  await expect(panel).toBeFocused();
  await expect(panel.getByLabel('Topic')).toBeVisible();
  expect(await wcagViolations(page)).toEqual([]);

  // A start without a topic or a summary says so next to each field, in words.
  await panel.getByRole('button', { name: 'Start the chat' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByLabel('Topic')).toBeFocused();
  await expect(panel.getByLabel('Topic')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByLabel('Topic')).toHaveAccessibleDescription('This field is required.');
  await expect(panel.getByLabel('What do you need help with?')).toHaveAccessibleDescription('This field is required.');

  // Escape minimises; focus goes back to the launcher.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(launcher(page)).toBeFocused();

  await startAcceptedChat(page, baseURL!, 'Keyboard only');
  // Enter sends; Shift+Enter would start a new line.
  await chatPanel(page).getByLabel('Your message').focus();
  await page.keyboard.type('Typed and sent by keyboard.');
  await page.keyboard.press('Enter');
  await expect(messages(page).filter({ hasText: 'Typed and sent by keyboard.' })).toContainText('Sent');
  expect(await wcagViolations(page)).toEqual([]);
});

test.describe('with the chat link held down', () => {
  test.use({ expectedConsole: [/WebSocket connection to .* failed/] });

  test('when the session ends the widget says so, the host hears it, and what was written waits for the next session', async ({ page, browser, baseURL }) => {
    const me = await freshCustomer(browser, baseURL!, 'Ivo Ended');
    const streams = await controlStreams(page);
    await consoleOnly(page, me.email);
    const { chatId, panel } = await startAcceptedChat(page, baseURL!, 'Session ends mid-chat');
    const heard = page.evaluate(() => new Promise<boolean>((resolve) => {
      document.addEventListener('support-chat:session-ended', () => resolve(true), { once: true });
    }));
    // The link is down (so it cannot tell the widget), and meanwhile the session ends on the
    // server (another tab signs out, an administrator removes it): the message meets a 401.
    await streams.cut(true);
    expect((await page.request.delete(`${baseURL}/api/v1/session`, { headers: SCRIPTED })).status()).toBe(204);
    await say(page, 'Written after the session ended');
    await expect(panel.getByText('Sign in again to continue where you left off. What you typed is kept.')).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Sign in' })).toBeVisible();
    expect(await heard).toBe(true);
    await keptOnDevice(page, 'Written after the session ended', { kind: 'chat-outbox:' });

    // The next console page signs the console's user in again (its hand-off): the chat comes
    // back without a click and sends what waited, once.
    streams.restore();
    const signedInAgain = page.waitForResponse((r) => r.url().endsWith('/api/v1/session/handoff') && r.ok());
    await page.reload();
    await signedInAgain;
    await expect.poll(() => storedBodies(page.request, baseURL!, chatId), { timeout: 15_000 })
      .toEqual(['Written after the session ended']);
    await launcher(page).click();
    await expect(messages(page).filter({ hasText: 'Written after the session ended' })).toContainText('Sent');
    await expect(messages(page)).toHaveCount(1);
  });
});

test.describe('with sending refused by the network', () => {
  // The browser logs each send the test aborts; they are the point of the test.
  test.use({ expectedConsole: [/net::ERR_FAILED/] });

  test('the chat resumes after a reload, with what was not sent', async ({ page, browser, baseURL }) => {
    const me = await freshCustomer(browser, baseURL!, 'Noa Lindgren');
    let blocked = true;
    await page.route('**/api/v1/chats/*/messages', (route) =>
      (blocked && route.request().method() === 'POST' ? route.abort() : route.fallback()));
    await consoleOnly(page, me.email);
    const { chatId } = await startAcceptedChat(page, baseURL!, 'Kept across a reload');
    await say(page, 'Written before the reload');
    await expect(messages(page).filter({ hasText: 'Written before the reload' })).toContainText('Sending…');
    // Kept on the device (the outbox), not on the server.
    await keptOnDevice(page, 'Written before the reload', { kind: 'chat-outbox:' });
    expect(await storedBodies(page.request, baseURL!, chatId)).toEqual([]);

    // After the reload the widget comes back by itself (a chat is going on), with no click,
    // and sends what it kept.
    const widgetFetched = page.waitForRequest(/\/chat-widget-[0-9a-f]{16}\.wasm$/);
    await page.reload({ waitUntil: 'commit' });
    blocked = false;
    await widgetFetched;
    await expect.poll(() => storedBodies(page.request, baseURL!, chatId), { timeout: 15_000 })
      .toEqual(['Written before the reload']);

    await launcher(page).click();
    await expect(chatPanel(page).getByText('You are chatting with Priya Nair.')).toBeVisible();
    await expect(messages(page).filter({ hasText: 'Written before the reload' })).toContainText('Sent');
    await expect(messages(page)).toHaveCount(1);
    expect(await storedBodies(page.request, baseURL!, chatId), 'stored once').toEqual(['Written before the reload']);
  });
});

test.describe('with the network and the link dropped', () => {
  test.use({ expectedConsole: [/ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed/] });

  const MESSAGES = 200;
  const DROPS = 5;

  test('a soak of 200 messages and 5 dropped links arrives exactly once and in order', async ({ page, browser, baseURL }) => {
    test.slow();
    const me = await freshCustomer(browser, baseURL!, 'Wren Widget');
    const streams = await controlStreams(page);
    await consoleOnly(page, me.email);
    const { chatId, panel } = await startAcceptedChat(page, baseURL!, 'Widget soak');
    const expected: string[] = [];
    const every = MESSAGES / DROPS;
    for (let round = 0; round < DROPS; round++) {
      const bodies = Array.from({ length: every }, (_, i) => `w${String(round * every + i + 1).padStart(3, '0')}`);
      expected.push(...bodies);
      // The first few go out with the link up; then the link and the network drop, and the rest
      // wait in the outbox until both come back.
      for (const body of bodies.slice(0, 10)) await say(page, body);
      await page.context().setOffline(true);
      await streams.cut();
      for (const body of bodies.slice(10)) await say(page, body);
      await page.context().setOffline(false);
    }

    await expect(async () => {
      expect(await storedBodies(page.request, baseURL!, chatId)).toHaveLength(MESSAGES);
    }).toPass({ timeout: 30_000 });
    expect(await storedBodies(page.request, baseURL!, chatId)).toEqual(expected);
    await expect(messages(page)).toHaveCount(MESSAGES);
    await expect(panel.getByText('Sending…')).toHaveCount(0, { timeout: 20_000 });
    expect(await shownBodies(panel)).toEqual(expected);
    expect(streams.connections(), 'the link was really cut and resumed each time').toBeGreaterThan(DROPS);
  });
});

test("a page on another origin gets the widget through the portal's frame", async ({ page, request }) => {
  let token = '';
  await onAnotherOrigin(page, {
    // The host's server minted a hand-off token for its signed-in user; the page hands it over.
    '/': (portal) => hostPage('A shop', `<h1>A shop</h1>
      <script>window.SupportChatConfig = { handoff: async () => ${JSON.stringify(token)} };</script>
      ${loaderTag(portal)}`),
  }, async (host, portal) => {
    token = await mintHandoff(request, portal, accounts.supportAdmin.email);
    await page.goto(host);
    await expect(launcher(page)).toBeVisible();
    await expect(page.locator('iframe')).toHaveCount(0);

    await launcher(page).click();
    await expect(page.locator('iframe')).toHaveAttribute('src', new URL('/chat-frame.html', portal).href);
    const panel = page.frameLocator('iframe').getByRole('dialog', { name: 'Chat with support' });
    // Signed in through the hand-off: the pre-chat form, not a sign-in note.
    await expect(panel.getByLabel('Product')).toBeVisible();
    await expect(panel.getByLabel('Topic')).toBeVisible();
    await expect(panel.getByLabel('What do you need help with?')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Start the chat' })).toBeEnabled();

    // Minimise, inside the frame, closes it on the host page: the frame told the host.
    await panel.getByRole('button', { name: 'Minimise' }).click();
    await expect(page.locator('iframe')).toBeHidden();
    await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
  });
});

test("a page on an origin outside the allow-list cannot frame the portal's chat", async ({ browser }) => {
  let portal = '';
  const page = (title: string) => () => hostPage(title, loaderTag(portal));
  const allowed = await startForeignHost({ '/': page('Allowed') });
  const other = await startForeignHost({ '/': page('Not allowed') });
  const backend = await startBackend(['--phase', 'live', '--chat-hours', 'always', '--embed-origins', allowed.url]);
  portal = backend.url;
  const context = await browser.newContext();
  try {
    const refused = await context.newPage();
    await refused.goto(other.url);
    const violation = refused.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await launcher(refused).click();
    await violation;
    await expect(refused.frameLocator('iframe').getByRole('dialog')).toHaveCount(0);

    // The same page on the allowed origin gets the panel (signed out here: it says how to sign in).
    const framed = await context.newPage();
    await framed.goto(allowed.url);
    await launcher(framed).click();
    const panel = framed.frameLocator('iframe').getByRole('dialog', { name: 'Chat with support' });
    await expect(panel.getByText('Sign in to the support portal to chat with support.')).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Sign in' })).toBeVisible();
  } finally {
    await context.close();
    stopBackend(backend);
    await allowed.close();
    await other.close();
  }
});

test('the launcher docks left, hides, or sits in a host element', async ({ page }) => {
  await onAnotherOrigin(page, {
    '/right': (portal) => hostPage('Right', loaderTag(portal)),
    '/left': (portal) => hostPage('Left', loaderTag(portal, ' data-position="left"')),
    // No launcher: the host's own Help button opens the chat.
    '/hidden': (portal) => hostPage('Hidden', `<button type="button" id="help">Help</button>
      ${loaderTag(portal, ' data-position="hidden"')}
      <script>document.getElementById('help').addEventListener('click', () => window.SupportChat.open());</script>`),
    '/slot': (portal) => hostPage('Slot', `<header style="display: flex; gap: 1rem; align-items: center; padding: 8px">
      <span>A shop</span><div id="slot"></div></header><main style="height: 2000px">Content</main>
      ${loaderTag(portal, ' data-target="#slot"')}`),
  }, async (host) => {
    const viewport = { width: 1000, height: 700 };
    await page.setViewportSize(viewport);

    await page.goto(`${host}/right`);
    await expect(launcher(page)).toBeVisible();
    const right = (await launcher(page).boundingBox())!;
    expect(right.x + right.width).toBeGreaterThan(viewport.width - 100);
    expect(right.y + right.height).toBeGreaterThan(viewport.height - 100);

    await page.goto(`${host}/left`);
    await expect(launcher(page)).toBeVisible();
    const left = (await launcher(page).boundingBox())!;
    expect(left.x).toBeLessThan(100);
    expect(left.y + left.height).toBeGreaterThan(viewport.height - 100);

    await page.goto(`${host}/hidden`);
    await page.waitForFunction(() => 'SupportChat' in window);
    await expect(page.getByRole('button', { name: /Chat with support/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Help' }).click();
    await expect(page.frameLocator('iframe').getByRole('dialog', { name: 'Chat with support' })).toBeVisible();

    await page.goto(`${host}/slot`);
    const inSlot = page.locator('#slot').getByRole('button', { name: 'Chat with support', exact: true });
    await expect(inSlot).toBeVisible();
    const header = (await page.getByRole('banner').boundingBox())!;
    const box = (await inSlot.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(header.y);
    expect(box.y + box.height).toBeLessThanOrEqual(header.y + header.height);
    // In the page's flow, not floating: it scrolls away with the header.
    await page.mouse.wheel(0, 600);
    await expect.poll(async () => (await inSlot.boundingBox())?.y ?? 0).toBeLessThan(0);
  });
});

test('the widget speaks French', async ({ page }) => {
  await consoleOnly(page, accounts.supportAdmin.email);
  await page.locator('.console-header').getByLabel('Language').selectOption('fr');
  await expect(launcher(page, "Discuter avec l'assistance")).toBeVisible();
  await launcher(page, "Discuter avec l'assistance").click();
  const panel = page.getByRole('dialog', { name: "Discussion avec l'assistance" });
  await expect(panel.getByRole('button', { name: 'Commencer la discussion' })).toBeVisible();
  await expect(panel.getByLabel('Sujet')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Réduire' })).toBeVisible();

  // Switched while the panel is open, the widget follows at once.
  await page.locator('.console-header').getByLabel('Langue').selectOption('es');
  await expect(page.getByRole('dialog', { name: 'Chat con asistencia técnica' })
    .getByRole('button', { name: 'Iniciar el chat' })).toBeVisible();
  await expect(launcher(page, 'Chatear con asistencia técnica')).toBeVisible();

  // The console keeps its language; the launcher speaks it from the start of the next page.
  await page.reload();
  await expect(launcher(page, 'Chatear con asistencia técnica')).toBeVisible();
});

test('host CSS cannot reach the launcher', async ({ page, baseURL }) => {
  const host = await startForeignHost({
    '/': () => hostPage('Hostile', `<style>
        body * { all: unset; letter-spacing: 0.3em; text-transform: uppercase; line-height: 3; }
        button { background: rgb(255, 0, 0) !important; color: rgb(255, 255, 0) !important; font-size: 40px !important;
          padding: 40px !important; border: 6px dashed lime !important; }
      </style>
      <p>A hostile page</p><button type="button">The host's own button</button>${loaderTag(baseURL!)}`),
  });
  try {
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(host.url);
    await expect(launcher(page)).toBeVisible();
    // The host's rules do hit its own button.
    expect(await page.getByRole('button', { name: "The host's own button" })
      .evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 0, 0)');
    const look = await launcher(page).evaluate((b) => {
      const s = getComputedStyle(b);
      const box = b.getBoundingClientRect();
      return {
        background: s.backgroundColor, color: s.color, fontSize: s.fontSize, padding: s.padding,
        border: s.borderTopStyle, textTransform: s.textTransform, letterSpacing: s.letterSpacing, lineHeight: s.lineHeight,
        // Still floating in the bottom right-hand corner.
        docked: innerWidth - box.right < 100 && innerHeight - box.bottom < 100,
      };
    });
    expect(look).toEqual({
      background: 'rgb(26, 79, 163)', color: 'rgb(255, 255, 255)', fontSize: '16px', padding: '10px 16px',
      border: 'none', textTransform: 'none', letterSpacing: 'normal', lineHeight: '24px', docked: true,
    });
  } finally {
    await page.goto('about:blank');
    await host.close();
  }
});
