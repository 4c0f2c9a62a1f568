// The release build splits the app by page: the home page comes with the first load, each
// other area's code arrives when it is first wanted (or when its link is pointed at), and a
// chunk that cannot be fetched leaves a message with a retry, never a dead page.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { areaCode, signIn, mainNavigation } from './portal';
import { freshCustomer } from './users';
import { accounts } from '../support/accounts';

const areaChunk = (url: string) => areaCode().test(url);

const chatPanelCode = areaCode('chat_panel');
/** The keyboard's layer (shortcuts, the list of them) arrives once the first screen is up. */
const keysCode = areaCode('keys');

test('the home page needs no area\'s code, and pointing at a link fetches its page\'s code ahead of the click', async ({ page }) => {
  await signIn(page, accounts.systemAdmin);
  const fetched: string[] = [];
  // The chat panel's code is fetched once the browser is idle after the first screen (below),
  // the keyboard's once the first screen is up.
  page.on('request', (r) => {
    if (areaChunk(r.url()) && !chatPanelCode.test(r.url()) && !keysCode.test(r.url())) fetched.push(new URL(r.url()).pathname);
  });
  // A visit with a session: sign-in's code stays away too.
  await page.reload();
  await expect(page.getByRole('region', { name: 'What needs you' })).toBeVisible();
  expect(fetched, 'area chunks fetched for the home page').toEqual([]);

  const cases = mainNavigation(page).getByRole('link', { name: 'Cases' });
  const prefetched = page.waitForRequest((r) => areaCode('cases').test(r.url()));
  await cases.hover();
  await prefetched;
  await cases.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  // Back and forward move between pages whose code is already there.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${accounts.systemAdmin.name}` })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
});

test('opening an area fetches its code in a few packs, not one file per shared module', async ({ page }) => {
  const code: string[] = [];
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname;
    if (/\/(split|chunk)_[^/]+$/.test(file) && !keysCode.test(r.url())) code.push(file);
  });
  await signIn(page, accounts.member);
  await mainNavigation(page).getByRole('link', { name: 'Help' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Help and forums' })).toBeVisible();
  // Sign-in's code, then help's: wasm-split alone made them about 120 files.
  expect(code.length, code.join('\n')).toBeLessThanOrEqual(4);
  expect(code.every((f) => f.endsWith('.pack')), code.join('\n')).toBe(true);
});

test('the chat panel\'s code arrives after the first screen, before anyone opens the panel', async ({ page }) => {
  const panelCode = page.waitForRequest(chatPanelCode);
  await signIn(page, accounts.supportAdmin);
  await expect(page.getByRole('button', { name: /^Chat with support/ })).toBeVisible();
  await panelCode;
  await expect(page.getByRole('dialog', { name: 'Chat with support' })).toHaveCount(0);
});

test('a member who may not chat never fetches the chat panel\'s code', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => { if (chatPanelCode.test(r.url())) fetched.push(r.url()); });
  await signIn(page, accounts.member);
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${accounts.member.name}` })).toBeVisible();
  // Long enough for an idle callback after the first screen.
  await page.waitForTimeout(1500);
  expect(fetched).toEqual([]);
});

test('English needs no language file; French arrives when it is chosen', async ({ page, browser, baseURL }) => {
  const texts: string[] = [];
  page.on('request', (r) => { if (/\/texts-[a-z]{2}-[0-9a-f]{16}\.txt$/.test(r.url())) texts.push(new URL(r.url()).pathname); });
  // The language goes to the profile: an account of its own, so no other test meets French.
  const me = await freshCustomer(browser, baseURL!, 'Texts Fetcher');
  await signIn(page, me);
  await expect(mainNavigation(page).getByRole('link', { name: 'Cases' })).toBeVisible();
  expect(texts).toEqual([]);

  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Dossiers d\'assistance', exact: true })).toBeVisible();
  expect(texts).toEqual([expect.stringMatching(/^\/texts-fr-/)]);
});

test.describe('with the network refusing a page\'s code', () => {
  // The chunk loader reports each failed fetch on the console; those lines are the test's own doing.
  test.use({ expectedConsole: [/Failed to fetch|net::ERR_FAILED/] });

  test('a page whose code cannot be fetched says so in the user\'s language, and "Try again" opens it', async ({ page, browser, baseURL }) => {
    // The language goes to the profile: an account of its own, so no other test meets French.
    const me = await freshCustomer(browser, baseURL!, 'Chunk Retrier');
    await signIn(page, me);
    const historyCode = areaCode('history');
    await page.route(historyCode, (route) => route.abort());
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await page.getByRole('navigation').getByRole('link', { name: 'Historique des services', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { level: 1, name: 'Impossible de charger cette page' })).toBeVisible();

    await page.unroute(historyCode);
    await alert.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Historique des services' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a language whose texts cannot be fetched is named in a message, the page stays in the one shown, and choosing it again works', async ({ page, browser, baseURL }) => {
    // The language goes to the profile: an account of its own, so no other test meets French.
    const me = await freshCustomer(browser, baseURL!, 'Language Misser');
    await signIn(page, me);
    const frenchTexts = /\/texts-fr-[0-9a-f]{16}\.txt$/;
    await page.route(frenchTexts, (route) => route.abort());
    const select = page.getByRole('combobox', { name: 'Language' });
    await select.selectOption('fr');
    await expect(page.getByRole('status').filter({ hasText: 'Français could not be loaded. Check your connection and choose it again.' })).toBeVisible();
    await expect(select).toHaveValue('en');
    await expect(mainNavigation(page).getByRole('link', { name: 'Home' })).toBeVisible();

    await page.unroute(frenchTexts);
    await select.selectOption('fr');
    await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
    await expect(page.getByText('could not be loaded')).toHaveCount(0);
  });

  /** Signed in, opens `path` in a new document (what came with sign-in is gone) while the
   *  files matching `refused` cannot be fetched: the page says so; then lets them through and
   *  presses "Try again", and waits for the page's heading. */
  async function refusedThenRetried(page: Page, refused: RegExp, path: string, heading: string) {
    await signIn(page, accounts.systemAdmin);
    await page.route(refused, (route) => route.abort());
    await page.goto(path);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { level: 1, name: 'This page could not be loaded' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toHaveCount(0);

    await page.unroute(refused);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }

  test('a page whose stylesheet cannot be fetched is not shown unstyled: it says so, and "Try again" opens it styled', async ({ page }) => {
    await refusedThenRetried(page, /\/pages-[0-9a-f]{16}\.css$/, '/history', 'Service history');
    // The pages' rules apply: the filters lay out as a grid.
    expect(await page.getByRole('combobox', { name: 'Product' }).evaluate((e) => getComputedStyle(e.closest('.filter-grid')!).display)).toBe('grid');
  });

  test('a page opened while the table of the areas\' code cannot be fetched says so, and "Try again" opens it', async ({ page }) => {
    await refusedThenRetried(page, /\/areas-[0-9a-f]{16}\.json$/, '/support-users/audit', 'Audit log');
  });

  test('a deep link to a page whose code cannot be fetched shows the message, not a blank page', async ({ page }) => {
    await signIn(page, accounts.systemAdmin);
    await page.route(areaCode('user_audit'), (route) => route.abort());
    await page.goto('/support-users/audit');
    await expect(page.getByRole('alert').getByRole('heading', { level: 1, name: 'This page could not be loaded' })).toBeVisible();
    await expect(mainNavigation(page).getByRole('link', { name: 'Home' })).toBeVisible();
  });

  test('a chat panel whose code cannot be fetched says so when opened, and "Try again" opens it', async ({ page, browser, baseURL }) => {
    // An account of its own: no other test's open chat can be in its panel.
    const me = await freshCustomer(browser, baseURL!, 'Chat Retrier');
    await page.route(chatPanelCode, (route) => route.abort());
    await signIn(page, me);
    await page.getByRole('button', { name: /^Chat with support/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Part of the portal did not arrive' });
    await expect(alert).toBeVisible();

    await page.unroute(chatPanelCode);
    await alert.getByRole('button', { name: 'Try again' }).click();
    const panel = page.getByRole('dialog', { name: 'Chat with support' });
    await expect(panel.getByLabel('Topic')).toBeVisible();
    await expect(alert).toHaveCount(0);
  });
});
