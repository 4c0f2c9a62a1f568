// The portal inside the vendor's console: the reference backend's demo console (/console/,
// with --demo) mounts it in its own document with `SupportPortal.mount` (from /embed.js) and
// hands over its signed-in user; a console page may also use `<support-portal>`.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { areaCode, mainNavigation } from './portal';
import { consoleOnly, enterConsole } from './console';
import { accounts } from '../support/accounts';
import { mintHandoff } from '../support/host';
import { agentSays } from '../support/agent';
import { countResources, keepWasmMemory, mountAndUnmount, resources } from '../support/resources';
import { startAcceptedChat } from './chat';
import { startForeignHost } from '../support/foreign';
import { startBackend, stopBackend } from '../support/backend';
import { SCRIPTED } from '../support/scripted';

const portal = (page: Page) => page.locator('#portal');

test('a console user opens Support and is signed in to the portal without a password', async ({ page }) => {
  await enterConsole(page, accounts.supportAdmin.email);
  await expect(portal(page).getByRole('heading', { level: 1, name: `Hello, ${accounts.supportAdmin.name}` })).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveCount(0);
  // The console, not the portal, owns the document: the title is the console's, naming the page.
  await expect(page).toHaveTitle(/· Demo console$/);
});

test('navigation inside the portal moves the console address under its base path, and back and forward follow', async ({ page }) => {
  await enterConsole(page, accounts.supportAdmin.email);
  await mainNavigation(page).getByRole('link', { name: 'Cases' }).click();
  await expect(page).toHaveURL(/\/console\/support\/cases$/);
  await expect(portal(page).getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  // The console heard it: its breadcrumb and title follow.
  await expect(page.locator('#console-crumb')).toHaveText(/^Cases/);
  await expect(page).toHaveTitle(/^Cases .*Demo console$/);

  await page.goBack();
  await expect(page).toHaveURL(/\/console\/support\/$/);
  await expect(portal(page).getByRole('heading', { level: 1, name: /^Hello/ })).toBeVisible();
  await page.goForward();
  await expect(portal(page).getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
});

test('a deep link into the console opens the portal page it names', async ({ page }) => {
  await enterConsole(page, accounts.supportAdmin.email);
  await page.goto('/console/support/cases/new');
  await expect(portal(page).getByRole('heading', { level: 1, name: 'File a case' })).toBeVisible();
});

test('the console switches the portal language and theme at run time without a reload', async ({ page }) => {
  await enterConsole(page, accounts.supportAdmin.email);
  const home = mainNavigation(page).getByRole('link', { name: 'Home' });
  await expect(home).toBeVisible();
  await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });
  expect(await home.evaluate((a) => getComputedStyle(a).backgroundColor)).toBe('rgb(26, 79, 163)');

  // The console's menus (the portal offers no language menu of its own when the host sets it).
  const consoleHeader = page.locator('.console-header');
  await expect(portal(page).getByLabel('Language')).toHaveCount(0);
  await consoleHeader.getByLabel('Language').selectOption('fr');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: "Dossiers d'assistance" })).toBeVisible();
  await expect(portal(page).locator('.sp-root')).toHaveAttribute('lang', 'fr');

  await consoleHeader.getByLabel('Thème').selectOption('console');
  const current = nav.getByRole('link', { name: 'Accueil' });
  await expect.poll(() => current.evaluate((a) => getComputedStyle(a).backgroundColor)).toBe('rgb(11, 110, 79)');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test('hostile host styles leave the portal usable, and the portal leaves the host styles alone', async ({ page }) => {
  await enterConsole(page, accounts.supportAdmin.email);
  await page.goto('/console/devices/');
  const hostButton = page.getByRole('button', { name: 'Leave the console' });
  const hostLook = () => hostButton.evaluate((b) => {
    const s = getComputedStyle(b);
    return [s.backgroundColor, s.color, s.fontFamily, s.borderRadius, s.padding].join('|');
  });
  const withoutPortal = await hostLook();

  await page.goto('/console/support/cases');
  // The host's hostile rules (a constructed sheet: the CSP forbids inline styles, not the CSSOM).
  await page.evaluate((rules) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, `
    * { letter-spacing: 0.3em; text-transform: uppercase; line-height: 3; }
    button { background: rgb(255, 0, 0); color: rgb(255, 255, 0); padding: 40px; font-size: 30px; border: 6px dashed lime; }
    input { border: 5px dotted red; font-size: 9px; height: 80px; }
    a { color: rgb(255, 0, 255); }
    h1 { font-size: 64px; color: rgb(255, 0, 0); }
  `);
  const heading = portal(page).getByRole('heading', { level: 1, name: 'Cases' });
  await expect(heading).toBeVisible();
  const style = (el: Element, props: string[]) => { const s = getComputedStyle(el); return props.map((p) => s.getPropertyValue(p)); };
  expect(await heading.evaluate(style, ['font-size', 'color', 'text-transform', 'letter-spacing']))
    .toEqual(['28px', 'rgb(27, 31, 36)', 'none', 'normal']);
  const search = portal(page).getByLabel('Search cases');
  const [fontSize, borderStyle, height] = await search.evaluate(style, ['font-size', 'border-top-style', 'height']);
  expect(parseFloat(fontSize)).toBeGreaterThanOrEqual(16);
  expect(borderStyle).toBe('solid');
  expect(parseFloat(height)).toBeLessThan(60);
  expect(await portal(page).getByRole('button', { name: 'Search', exact: true }).evaluate(style, ['font-size', 'border-top-style', 'text-transform']))
    .toEqual(['16px', 'solid', 'none']);
  expect(await portal(page).getByRole('button', { name: /^Chat with support/ }).evaluate(style, ['background-color', 'color']))
    .toEqual(['rgb(26, 79, 163)', 'rgb(255, 255, 255)']);
  // The navigation's links keep the portal's text colour, not the host's magenta.
  expect(await mainNavigation(page).getByRole('link', { name: 'Home' }).evaluate(style, ['color']))
    .toEqual(['rgb(27, 31, 36)']);

  // The portal's stylesheet is on this page now; the console's own button looks as it did.
  await page.goto('/console/support/');
  await expect(mainNavigation(page)).toBeVisible();
  expect(await hostLook()).toBe(withoutPortal);
});

test('a console page uses the <support-portal> element, follows its attributes, and hears its events', async ({ page }) => {
  await consoleOnly(page, accounts.member.email);
  await page.evaluate(() => {
    const el = document.createElement('support-portal');
    el.setAttribute('base-path', '/console/devices');
    el.setAttribute('locale', 'es');
    el.addEventListener('support-portal:navigated', (e) => {
      (window as unknown as { heard: string[] }).heard = [
        ...((window as unknown as { heard?: string[] }).heard ?? []), (e as CustomEvent).detail.path];
    });
    document.querySelector('.console-page')!.append(el);
  });
  const element = page.locator('support-portal');
  // Not signed in to the portal yet (no hand-off given): its sign-in page, in Spanish.
  await expect(element.getByRole('button', { name: 'Iniciar sesión' })).toBeVisible();
  await page.evaluate(() => document.querySelector('support-portal')!.setAttribute('locale', 'fr'));
  await expect(element.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { heard?: string[] }).heard ?? []))
    .toContainEqual(expect.stringMatching(/^\/sign-in/));

  // Taken out of the page, it unmounts: nothing of the portal stays in it.
  await page.evaluate(() => {
    const el = document.querySelector('support-portal')!;
    (window as unknown as { removed: Element }).removed = el;
    el.remove();
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { removed: Element }).removed.childElementCount)).toBe(0);
});

test('a hand-off token works once: used again, the portal refuses it and asks to sign in', async ({ page, request, baseURL }) => {
  const token = await mintHandoff(request, baseURL!, accounts.member.email);
  // The console's server used it already (here: the test's own request).
  const used = await request.post('/api/v1/session/handoff', { headers: SCRIPTED, data: { token } });
  expect(used.status()).toBe(200);

  await consoleOnly(page, accounts.member.email);
  await page.evaluate((t) => {
    const el = document.createElement('div');
    el.id = 'again';
    document.querySelector('.console-page')!.append(el);
    (window as unknown as { SupportPortal: { mount: (e: Element, c: object) => unknown } })
      .SupportPortal.mount(el, { basePath: '/console/devices', handoffToken: t });
  }, token);
  // Refused: the portal asks to sign in instead of signing anyone in.
  await expect(page.locator('#again').getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('mounting and unmounting the portal twenty times leaves no listener, timer, socket or node behind', async ({ page }) => {
  await page.addInitScript(countResources);
  await page.addInitScript(keepWasmMemory);
  const signIn = await page.request.post('/api/v1/session', { headers: SCRIPTED, data: { email: accounts.supportAdmin.email, password: accounts.supportAdmin.password } });
  expect(signIn.ok()).toBe(true);
  await consoleOnly(page, accounts.supportAdmin.email);
  // The first cycles load the module and its caches, and the code fetched after the first
  // screen (the chat panel's, which a slow machine may finish only during a later cycle);
  // from then on nothing may grow.
  const panelCode = page.waitForResponse((r) => areaCode('chat_panel').test(r.url()));
  await mountAndUnmount(page);
  await panelCode;
  await mountAndUnmount(page);
  const first = await resources(page);
  for (let i = 0; i < 20; i++) await mountAndUnmount(page);
  const last = await resources(page);
  expect({ listeners: last.listeners, timers: last.timers, sockets: last.sockets, wasm: last.wasm })
    .toEqual({ listeners: first.listeners, timers: first.timers, sockets: first.sockets, wasm: first.wasm });
  // Nodes are freed by the browser's own collector, a little later at times: a leak shows as
  // at least one node per cycle, noise as one or two in all.
  expect(last.nodes - first.nodes).toBeLessThan(20);
});

test.describe('with a chat of its own', () => {
  test.use({ isolated: true, backendArgs: ['--chat-hours', 'always'] });

  test('the unread count of support\'s chat messages reaches the console', async ({ page, baseURL }) => {
    await enterConsole(page, accounts.supportAdmin.email);
    const { chatId, panel } = await startAcceptedChat(page, baseURL!, 'Embedded unread count');
    await panel.getByRole('button', { name: 'Minimise' }).click();
    await expect(panel).toBeHidden();
    await agentSays(page.request, baseURL!, chatId, 'Are you still there?');
    await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: /Support \(1 unread\)/ })).toBeVisible();
  });
});

const frame = (page: Page) => page.frameLocator('#portal-frame');

test('in a frame: the console hands over its user, and the frame follows navigation, back, deep links and its height', async ({ page }) => {
  await enterConsole(page, accounts.supportAdmin.email);
  await page.goto('/console/framed/');
  await expect(frame(page).getByRole('heading', { level: 1, name: `Hello, ${accounts.supportAdmin.name}` })).toBeVisible();
  await frame(page).getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' }).click();
  await expect(frame(page).getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page).toHaveURL(/\/console\/framed\/cases$/);
  await expect(page.locator('#console-crumb')).toHaveText(/^Cases/);
  // The console sized the frame to the portal's content.
  const inner = page.frames().find((f) => f.url().includes('/embed/'))!;
  await expect.poll(async () => {
    const content = await inner.evaluate(() => document.documentElement.scrollHeight);
    const box = await page.locator('#portal-frame').evaluate((f) => f.getBoundingClientRect().height);
    return Math.abs(Math.max(content, 320) - box);
  }).toBeLessThan(2);

  await page.goBack();
  await expect(frame(page).getByRole('heading', { level: 1, name: /^Hello/ })).toBeVisible();
  await expect(page).toHaveURL(/\/console\/framed\/$/);

  await page.goto('/console/framed/cases/new');
  await expect(frame(page).getByRole('heading', { level: 1, name: 'File a case' })).toBeVisible();
});

test('in a frame: the console switches language and theme by message, without a reload', async ({ page }) => {
  await enterConsole(page, accounts.supportAdmin.email);
  await page.goto('/console/framed/');
  const home = frame(page).getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' });
  await expect(home).toBeVisible();
  await page.locator('.console-header').getByLabel('Language').selectOption('es');
  const nav = frame(page).getByRole('navigation', { name: 'Navegación principal' });
  await expect(nav.getByRole('link', { name: 'Casos' })).toBeVisible();
  await page.locator('.console-header').getByLabel('Tema').selectOption('console');
  await expect.poll(() => nav.getByRole('link', { name: 'Inicio' }).evaluate((a) => getComputedStyle(a).backgroundColor)).toBe('rgb(11, 110, 79)');
});

/** Records, in the top window, the target origin of every message posted to it. */
function recordPostedToTop(): void {
  if (window !== window.top) return;
  const w = window as unknown as { posted: string[] };
  w.posted = [];
  const post = window.postMessage.bind(window);
  window.postMessage = ((message: unknown, target: string | WindowPostMessageOptions, transfer?: Transferable[]) => {
    w.posted.push(typeof target === 'string' ? target : target?.targetOrigin ?? '/');
    return post(message, target as string, transfer);
  }) as typeof window.postMessage;
}

test('in a frame: 200 spoofed and malformed messages change nothing, and the portal never posts to every origin', async ({ page, baseURL }) => {
  await page.addInitScript(recordPostedToTop);
  await enterConsole(page, accounts.supportAdmin.email);
  await page.goto('/console/framed/');
  const nav = frame(page).getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  // What the spoofs aim at: the language, the theme and who is signed in.
  const state = async () => ({
    english: await nav.isVisible(),
    colour: await frame(page).getByRole('button', { name: /^Chat with support/ }).evaluate((b) => getComputedStyle(b).backgroundColor),
    user: await frame(page).getByText(accounts.supportAdmin.name).first().isVisible(),
  });
  const before = await state();
  const entries = () => page.evaluate(() => history.length);
  const entriesBefore = await entries();

  const spoofs = [
    { type: 'support-portal:navigate', v: 1, path: '/users' },
    { type: 'support-portal:locale', v: 1, locale: 'fr' },
    { type: 'support-portal:theme', v: 1, theme: { primary: '#ff0000' } },
    { type: 'support-portal:init', v: 1, handoffToken: 'stolen', locale: 'fr' },
  ];
  const malformed = [
    null, 'support-portal:navigate', 42, [], { type: 'support-portal:navigate', path: '/users' },
    { type: 'support-portal:navigate', v: 2, path: '/users' }, { type: 'support-portal:navigate', v: '1', path: '/users' },
    { type: 'support-portal:navigate', v: 1, path: '//evil.example/' }, { type: 'support-portal:navigate', v: 1, path: 'users' },
    { type: 'support-portal:navigate', v: 1, path: 42 }, { type: 'support-portal:locale', v: 1, locale: ['fr'] },
    { type: 'support-portal:theme', v: 1, theme: 'primary: red' }, { type: 'support-portal:theme', v: 1, theme: { primary: 5 } },
    { type: 'support-portal:eval', v: 1, code: 'alert(1)' }, { type: 'other:navigate', v: 1, path: '/users' },
    { type: 'support-portal:__proto__', v: 1 }, { type: 'support-portal:init', v: 1, handoffToken: 7 },
  ];
  // A page on another origin (not on the allow-list) that reaches the portal's frame through the
  // window that opened it: 100 spoofed messages of the right shape.
  const foreign = await startForeignHost({ '/': () => '<!doctype html><title>Elsewhere</title><p>Elsewhere</p>' });
  try {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((u) => { window.open(u); }, foreign.url)]);
    await popup.waitForLoadState();
    await popup.evaluate((messages) => {
      for (let i = 0; i < 100; i++) window.opener.frames[0].postMessage(messages[i % messages.length], '*');
    }, spoofs);
    await popup.close();
  } finally {
    await foreign.close();
  }
  // From the console's own origin, 100 malformed ones.
  await page.evaluate(([messages, origin]) => {
    const target = (document.getElementById('portal-frame') as HTMLIFrameElement).contentWindow!;
    for (let i = 0; i < 100; i++) target.postMessage(messages[i % messages.length], origin as string);
  }, [malformed, new URL(baseURL!).origin] as const);
  // A well-formed message after them all, from the console, of a kind that hides no spoof:
  // once it shows, every earlier one has been handled (a window's messages arrive in order).
  await page.evaluate((origin) => {
    (document.getElementById('portal-frame') as HTMLIFrameElement).contentWindow!
      .postMessage({ type: 'support-portal:navigate', v: 1, path: '/cases' }, origin);
  }, new URL(baseURL!).origin);
  await expect(frame(page).getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();

  // Only that one navigation (a spoofed one would have added an entry), the language, the
  // theme and the user as they were.
  expect(await entries()).toBe(entriesBefore + 1);
  expect(await state()).toEqual(before);
  const posted = await page.evaluate(() => (window as unknown as { posted: string[] }).posted);
  expect(posted.length).toBeGreaterThan(0);
  expect(posted.filter((o) => o !== new URL(baseURL!).origin)).toEqual([]);
});

test('a page on an origin outside the allow-list cannot frame the portal; one on it can, and drives it', async ({ browser }) => {
  // The same host page on both origins: it frames the portal and asks for it in French.
  const hostPage = () => `<!doctype html><title>A console</title>
    <iframe id="f" title="Support" src="${portalUrl}/embed/" width="900" height="700"></iframe>
    <script>
      document.getElementById('f').addEventListener('load', (e) => {
        e.target.contentWindow.postMessage({ type: 'support-portal:init', v: 1, locale: 'fr' }, ${JSON.stringify(portalUrl)});
      });
    </script>`;
  let portalUrl = '';
  const allowed = await startForeignHost({ '/': hostPage });
  const other = await startForeignHost({ '/': hostPage });
  const backend = await startBackend(['--phase', 'live', '--embed-origins', allowed.url]);
  portalUrl = backend.url;
  const context = await browser.newContext();
  try {
    const refused = await context.newPage();
    const violation = refused.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await refused.goto(other.url);
    await violation;
    await expect(refused.frameLocator('#f').getByRole('button', { name: 'Se connecter' })).toHaveCount(0);

    const framed = await context.newPage();
    await framed.goto(allowed.url);
    // The allowed host's `init` (in French) reached the portal: its sign-in page, in French.
    await expect(framed.frameLocator('#f').getByRole('button', { name: 'Se connecter' })).toBeVisible();
  } finally {
    await context.close();
    stopBackend(backend);
    await allowed.close();
    await other.close();
  }
});
