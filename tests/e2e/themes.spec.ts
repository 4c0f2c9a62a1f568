// The dark theme and print: the portal follows the device's light or dark, Settings can fix
// either for this browser, both themes meet WCAG 2.2 AA on every page in English, French and
// Spanish, and a case prints as its record without the frame.
import { wcagViolations } from './axe';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { signIn } from './portal';
import { fileCase } from './cases';
import { accounts } from '../support/accounts';

/** The portal's background as the user sees it. */
const background = (page: Page) =>
  page.locator('#main').evaluate((main) => getComputedStyle(main.closest('.sp-root')!).backgroundColor);
const LIGHT = 'rgb(245, 246, 248)';
const DARK = 'rgb(18, 20, 24)';

test('choosing Dark in Settings darkens the portal at once and after a reload, and "Same as this device" follows the device again', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, accounts.supportAdmin);
  await page.goto('/settings');
  const theme = page.getByRole('group', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'Same as this device' })).toBeChecked();
  expect(await background(page)).toBe(LIGHT);

  // By keyboard: the radio group moves with the arrow keys.
  await theme.getByRole('radio', { name: 'Same as this device' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(theme.getByRole('radio', { name: 'Light' })).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect.poll(() => background(page)).toBe(DARK);

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  expect(await background(page)).toBe(DARK);
  // A page from another chunk, too.
  await page.goto('/cases');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  expect(await background(page)).toBe(DARK);

  await page.goto('/settings');
  await page.getByRole('radio', { name: 'Same as this device' }).check();
  await expect.poll(() => background(page)).toBe(LIGHT);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).toBe(DARK);
  // Light wins over a dark device.
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect.poll(() => background(page)).toBe(LIGHT);
});

test('a case page prints its heading, details and conversation, without the navigation, the chat or the forms', async ({ page, baseURL }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signIn(page, accounts.supportAdmin);
  const filed = await fileCase(page.request, baseURL!);
  await page.goto(`/cases/${filed.id}`);
  await expect(page.getByRole('heading', { level: 1, name: filed.title })).toBeVisible();
  await expect(page.getByLabel('Your reply')).toBeVisible();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('heading', { level: 1, name: filed.title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Conversation' })).toBeVisible();
  await expect(page.getByText('Hourly data for the main report suite arrives six hours late since Monday.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await expect(page.getByRole('button', { name: /^Chat with support/ })).toBeHidden();
  await expect(page.getByLabel('Your reply')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Back to cases' })).toBeHidden();
  await expect(page.getByRole('button')).toHaveCount(0);
  // Paper is light, whatever the screen's theme: dark text, no background.
  const heading = page.getByRole('heading', { level: 1 });
  expect(await heading.evaluate((h) => getComputedStyle(h).color)).toBe('rgb(27, 31, 36)');
  expect(await background(page)).toBe('rgba(0, 0, 0, 0)');
  expect((await page.pdf()).subarray(0, 5).toString()).toBe('%PDF-');
});

const LANGUAGES = [
  { lang: 'en', loading: 'Loading…' },
  { lang: 'fr', loading: 'Chargement…' },
  { lang: 'es', loading: 'Cargando…' },
];

test.describe('in three languages', () => {
  // Choosing a language is kept in the user's profile: a backend of its own for each.
  test.use({ isolated: true });

  for (const { lang, loading } of LANGUAGES) {
    test(`every page meets WCAG 2.2 AA in the light and the dark theme (${lang})`, async ({ page, baseURL }) => {
      test.setTimeout(180_000);
      await signIn(page, accounts.systemAdmin);
      const filed = await fileCase(page.request, baseURL!);
      await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const paths = ['/', '/cases', '/cases/new', `/cases/${filed.id}`, '/chats', '/history', '/help', '/contact',
        '/support-users', '/support-users/new', '/support-users/review', '/support-users/import', '/support-users/audit', '/settings'];
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await expect(page.getByText(loading)).toHaveCount(0);
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          expect(await background(page)).toBe(colorScheme === 'dark' ? DARK : LIGHT);
          expect(await wcagViolations(page), `${colorScheme} on ${path}`).toEqual([]);
        }
      }
      // The chat panel, open, in both themes.
      await page.getByRole('button', { name: /^(Chat with support|Discuter avec l'assistance|Chatear con asistencia técnica)/ }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expect(page.getByText(loading)).toHaveCount(0);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await wcagViolations(page), `${colorScheme}: the chat panel`).toEqual([]);
      }
      // The command palette and the list of shortcuts, open, in both themes.
      await page.goto('/cases');
      await expect(page.locator('.palette-button')).toHaveAttribute('aria-keyshortcuts', 'Control+K Meta+K');
      for (const [open, what] of [['Control+K', 'the command palette'], ['?', 'the list of shortcuts']]) {
        await page.keyboard.press(open);
        await expect(page.getByRole('dialog')).toBeVisible();
        await expect(page.getByText(loading)).toHaveCount(0);
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          expect(await wcagViolations(page), `${colorScheme}: ${what}`).toEqual([]);
        }
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toHaveCount(0);
      }
    });
  }
});
