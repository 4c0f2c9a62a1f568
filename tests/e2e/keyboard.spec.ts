// The keyboard: the command palette (Ctrl+K or the header's button) finds pages, actions and
// cases and offers only what the user may do; single-key shortcuts go to pages, move through
// lists and focus the search, never while typing, and Settings turns them off; `?` lists them;
// Ctrl+Enter sends a case reply.
import { wcagViolations } from './axe';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { signIn, type Account } from './portal';
import { fileCase } from './cases';
import { accounts } from '../support/accounts';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Search or go to' });
/** Waits until the keyboard's layer (fetched once the first screen is up) listens: the palette's button then says its shortcut. */
const keysReady = (page: Page) =>
  expect(page.getByRole('button', { name: 'Search or go to…' })).toHaveAttribute('aria-keyshortcuts', 'Control+K Meta+K');
/** Waits until the palette's case search (which may add cases of the demo data) has answered. */
const settled = (page: Page) => expect(palette(page).getByRole('status')).not.toHaveText('Searching cases…');
/** Signs in, opens the palette with Ctrl+K once the keys listen, types `words` and waits for the answer. */
async function searchPalette(page: Page, account: Account, words: string) {
  await signIn(page, account);
  await keysReady(page);
  await page.keyboard.press('Control+K');
  await expect(palette(page).getByRole('combobox')).toBeFocused();
  await page.keyboard.type(words);
  await settled(page);
}

test('the palette finds a case by its number and opens it by keyboard alone, and Escape gives focus back', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  const filed = await fileCase(page.request, baseURL!);
  await page.reload();
  await keysReady(page);

  await page.keyboard.press('Control+K');
  const combobox = palette(page).getByRole('combobox', { name: 'Page, action, or case number or title' });
  await expect(combobox).toBeFocused();
  expect(await wcagViolations(page), 'the open palette').toEqual([]);
  await page.keyboard.type(filed.number);
  const found = palette(page).getByRole('option', { name: `${filed.number} · ${filed.title}` });
  await expect(found).toBeVisible();
  await expect(palette(page).getByRole('status')).toHaveText('Results: 1');
  await expect(found).toHaveAttribute('aria-selected', 'true');
  await expect(combobox).toHaveAttribute('aria-activedescendant', (await found.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: filed.title })).toBeVisible();
  await expect(palette(page)).toHaveCount(0);

  // From the header's button, by keyboard: Escape closes and focus is back on the button.
  const button = page.getByRole('button', { name: 'Search or go to…' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(combobox).toBeFocused();
  await page.keyboard.type('no such thing anywhere');
  await expect(palette(page).getByRole('status')).toHaveText('Nothing matches. Try a case number or other words.');
  await page.keyboard.press('Escape');
  await expect(palette(page)).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('the palette finds pages and actions by words, moves with the arrow keys, and opens the chat', async ({ page }) => {
  await searchPalette(page, accounts.supportAdmin, 'history');
  const combobox = palette(page).getByRole('combobox');
  // Pages and actions first, then any cases whose words match.
  const options = palette(page).getByRole('option');
  await expect(options.nth(0)).toHaveText('Go to Service history');
  await expect(options.nth(1)).toHaveText('Export the service history (CSV)');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Service history' })).toBeVisible();

  await page.keyboard.press('Control+K');
  await expect(combobox).toBeFocused();
  await page.keyboard.type('chat with');
  await settled(page);
  await expect(palette(page).getByRole('option').first()).toHaveText('Chat with support');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Chat with support' })).toBeVisible();
});

test('the palette offers no administration action to a Customer Support Administrator, and offers them to a System Administrator', async ({ page, browser, baseURL }) => {
  await searchPalette(page, accounts.supportAdmin, 'support user');
  const administration = /^(Go to Support users|Add a support user|Import support users from CSV|Review and validate support users)$/;
  await expect(palette(page).getByRole('option', { name: administration })).toHaveCount(0);
  await page.keyboard.press('Escape');

  const admin = await (await browser.newContext({ baseURL })).newPage();
  await searchPalette(admin, accounts.systemAdmin, 'support user');
  await expect(palette(admin).getByRole('option', { name: administration })).toHaveText([
    'Go to Support users', 'Add a support user', 'Import support users from CSV', 'Review and validate support users',
  ]);
  await admin.getByRole('option', { name: 'Add a support user' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Add a support user' })).toBeVisible();
  await admin.context().close();
});

test('g then a letter goes to a page, j and k move through a list and Enter opens, / focuses the search, and nothing fires while typing', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  await fileCase(page.request, baseURL!);
  await fileCase(page.request, baseURL!);
  await keysReady(page);
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Cases' });
  const links = table.getByRole('link');
  await expect(links.nth(1)).toBeVisible();

  await page.keyboard.press('j');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(links.nth(0)).toBeFocused();
  const first = (await links.nth(0).textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  await expect(page.getByText(first, { exact: true })).toBeVisible();
  await page.goBack();

  const search = page.getByLabel('Search cases');
  await expect(search).toBeVisible();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('g h ?');
  await expect(search).toHaveValue('g h ?');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Out of the field, the same keys act.
  await page.keyboard.press('Tab');
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await expect(page.getByRole('heading', { level: 1, name: 'Service history' })).toBeVisible();
});

test('? lists every shortcut the user has, and Escape closes the list', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await keysReady(page);
  await page.keyboard.press('?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list).toBeVisible();
  const rows = list.getByRole('row');
  await expect(rows.filter({ hasText: 'Open the command palette' })).toHaveText(/Ctrl\s*K/);
  await expect(rows.filter({ hasText: 'Go to Cases' })).toHaveText(/g\s*c/);
  await expect(rows.filter({ hasText: 'Go to Service history' })).toHaveText(/g\s*h/);
  await expect(rows.filter({ hasText: 'Send your reply, in a case' })).toHaveText(/Ctrl\s*Enter/);
  // A Customer Support Administrator has no support-user pages to go to.
  await expect(rows.filter({ hasText: 'Go to Support users' })).toHaveCount(0);
  expect(await wcagViolations(page), 'the list of shortcuts').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
});

test('shortcuts turned off in Settings do nothing, and Ctrl+K still opens the palette', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/settings');
  const on = page.getByRole('checkbox', { name: 'Single-key shortcuts (g, j, k, / and ?)' });
  await expect(on).toBeChecked();
  await on.uncheck();
  await page.reload();
  await expect(on).not.toBeChecked();
  await keysReady(page);
  await page.getByRole('heading', { level: 1, name: 'Settings' }).click();
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await page.keyboard.press('?');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Control+K');
  await expect(palette(page)).toBeVisible();
});

test('Ctrl+Enter in the reply box sends the reply', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  const filed = await fileCase(page.request, baseURL!);
  await page.goto(`/cases/${filed.id}`);
  const reply = page.getByLabel('Your reply');
  await reply.fill('Sent with the keyboard.');
  await reply.press('Control+Enter');
  await expect(page.getByText('Your reply was sent.')).toBeVisible();
  await expect(page.getByRole('list').getByText('Sent with the keyboard.')).toBeVisible();
  await expect(reply).toHaveValue('');
});
