import { test, expect } from './fixtures';
import { signIn, navigationLinks, mainNavigation } from './portal';
import { accounts } from '../support/accounts';

test('the system administrator signs in and sees every page, user administration included', async ({ page }) => {
  await signIn(page, accounts.systemAdmin);
  expect(await navigationLinks(page)).toEqual([
    'Home', 'Cases', 'Chats', 'Service history', 'Help and forums', 'Contact support', 'Support users', 'Settings',
  ]);
  await expect(page.getByText('Support System Administrator').first()).toBeVisible();
});

test('the customer support administrator signs in and sees cases and history but not user administration', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  expect(await navigationLinks(page)).toEqual([
    'Home', 'Cases', 'Chats', 'Service history', 'Help and forums', 'Contact support', 'Settings',
  ]);
});

test('a member without a support role signs in and sees help, contact and settings only', async ({ page }) => {
  await signIn(page, accounts.member);
  expect(await navigationLinks(page)).toEqual(['Home', 'Help and forums', 'Contact support', 'Settings']);
  // The home page tells the member whom to ask for a support role.
  await expect(page.getByText(accounts.systemAdmin.name)).toBeVisible();
});

test('the system administrator opens the support users page and sees the organisation only', async ({ page }) => {
  await signIn(page, accounts.systemAdmin);
  await mainNavigation(page).getByRole('link', { name: 'Support users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support users' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Support users' });
  await expect(table.getByRole('rowheader', { name: accounts.supportAdmin.name })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: accounts.otherOrgAdmin.name })).toHaveCount(0);
  await expect(page).toHaveURL(/\/support-users$/);
  await expect(page).toHaveTitle(/Support users/);
});

test('a keyboard user skips straight to the page content', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  // A fresh page load, as when arriving from a bookmark: focus starts at the top.
  await page.goto('/contact');
  await expect(page.getByRole('heading', { level: 1, name: 'Contact support' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});
