// The portal on a phone (360 x 740): the header folds behind a menu button, the page heading is
// on the first screen, the chat panel takes the screen, nothing scrolls sideways, the chat
// launcher covers no content, and every page meets WCAG 2.2 AA in Spanish.
import { Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { test, expect } from './fixtures';
import { mainNavigation, signIn } from './portal';
import { chatPanel } from './chat';
import { accounts } from '../support/accounts';

test.use({ viewport: { width: 360, height: 740 } });

/** Where the page's heading starts, in pixels from the top of the screen. */
async function headingTop(page: Page): Promise<number> {
  const box = await page.getByRole('heading', { level: 1 }).first().boundingBox();
  expect(box, 'a page heading on screen').not.toBeNull();
  return box!.y;
}

/** How far the page scrolls sideways (0: it does not). */
function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
}

test('on a phone the page heading is on the first screen, and the menu opens and closes by keyboard', async ({ page }) => {
  await signIn(page, accounts.systemAdmin);
  // The name and the menu button are all the header holds: the heading is in the top fifth.
  expect(await headingTop(page)).toBeLessThan(148);
  await expect(mainNavigation(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();

  // A fresh load, as from a bookmark, starts at the top: the skip link, then the menu button.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(mainNavigation(page)).toBeVisible();
  await expect(page.getByText(`Signed in as ${accounts.systemAdmin.name}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // Enter again closes it; focus stays on its button.
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(mainNavigation(page)).toBeHidden();
  await expect(menu).toBeFocused();

  // Space opens it; a link followed by keyboard closes it and shows its page.
  await page.keyboard.press(' ');
  await expect(mainNavigation(page)).toBeVisible();
  let link = 0;
  for (; link < 30; link++) {
    await page.keyboard.press('Tab');
    if (await mainNavigation(page).getByRole('link', { name: 'Cases' }).evaluate((a) => a === document.activeElement)) break;
  }
  expect(link, 'the Cases link reached by Tab').toBeLessThan(30);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(mainNavigation(page)).toBeHidden();
  expect(await headingTop(page)).toBeLessThan(148);
});

test('on a phone the chat panel takes the whole screen, and Minimise gives the page back', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  const launcher = page.getByRole('button', { name: /^Chat with support/ });
  await launcher.click();
  const panel = chatPanel(page);
  await expect(panel).toBeVisible();
  expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 360, height: 740 });
  await expect(panel).toBeInViewport({ ratio: 1 });
  await panel.getByRole('button', { name: 'Minimise' }).click();
  await expect(panel).toBeHidden();
  await expect(launcher).toBeFocused();
});

test.describe('in Spanish', () => {
  // Choosing Spanish is kept in the user's profile: a backend of its own, so no other test
  // signing in as this user finds the portal in Spanish.
  test.use({ isolated: true });

test('on a phone no page scrolls sideways, the chat launcher covers nothing at the end of a page, and each page meets WCAG 2.2 AA in Spanish', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, accounts.systemAdmin);
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.click();
  await page.getByLabel('Language').selectOption('es');
  const menú = page.getByRole('button', { name: 'Menú' });
  await expect(menú).toBeVisible();
  // The open menu itself, in Spanish.
  await expect(menú).toHaveAttribute('aria-expanded', 'true');
  expect(await wcagViolations(page), 'the open menu').toEqual([]);
  const paths = ['/', '/cases', '/cases/new', '/chats', '/history', '/help', '/contact', '/support-users',
    '/support-users/new', '/support-users/review', '/support-users/import', '/support-users/audit', '/settings'];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(page.getByText('Cargando…')).toHaveCount(0);
    expect(await sideways(page), `${path} scrolls sideways`).toBe(0);
    expect(await wcagViolations(page), `on ${path}`).toEqual([]);
    // Scrolled to its end, the page's last content ends above the launcher.
    const clear = await page.evaluate(() => {
      window.scrollTo(0, document.scrollingElement!.scrollHeight);
      const launcher = document.querySelector('.chat-launcher')!.getBoundingClientRect();
      const main = document.getElementById('main')!;
      const last = [...main.querySelectorAll('*')].filter((e) => e.getClientRects().length > 0)
        .map((e) => e.getBoundingClientRect().bottom);
      return launcher.top - Math.max(...last);
    });
    expect(clear, `${path}: the end of the page is under the chat launcher`).toBeGreaterThanOrEqual(0);
  }
});
});
