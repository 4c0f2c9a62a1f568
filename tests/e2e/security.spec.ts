import { test, expect } from './fixtures';
import { signIn } from './portal';
import { accounts } from '../support/accounts';

test('the app is served under a strict Content-Security-Policy and still runs', async ({ page }) => {
  const response = await page.goto('/sign-in');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  // No inline script in the page: Trunk's bootstrap was moved into a file.
  const inline = await page.locator('script:not([src])').count();
  expect(inline).toBe(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Support Portal' })).toBeVisible();
});

test('the contact page works on a 360 px wide phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, accounts.supportAdmin);
  // On a phone the navigation is behind the header's menu button.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Contact support' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Phone numbers' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const fontSize = await page.getByLabel('Language').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(16);
});
