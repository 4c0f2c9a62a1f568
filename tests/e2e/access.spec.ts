import { test, expect } from './fixtures';
import { signIn, fillSignIn } from './portal';
import { accounts } from '../support/accounts';

test('a member who opens user administration directly sees which role it needs and whom to ask', async ({ page }) => {
  await signIn(page, accounts.member);
  await page.goto('/support-users');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expect(page.getByText('This page is for: Support System Administrator.')).toBeVisible();
  await expect(page.getByText('Your role: Member without a support role.')).toBeVisible();
  await expect(page.getByRole('link', { name: accounts.systemAdmin.email })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test("the same member's API call for support users is refused with 403", async ({ page, baseURL }) => {
  await signIn(page, accounts.member);
  const response = await page.request.get(`${baseURL}/api/v1/support-users`);
  expect(response.status()).toBe(403);
  expect(response.headers()['content-type']).toContain('application/problem+json');
});

test('a customer support administrator who opens user administration sees the access page, not a blank one', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/support-users');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expect(page.getByText('Your role: Customer Support Administrator.')).toBeVisible();
});

test('someone signed out who opens a deep link signs in and lands on that page', async ({ page }) => {
  await page.goto('/contact');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcontact$/);
  await fillSignIn(page, accounts.supportAdmin.email, accounts.supportAdmin.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Contact support' })).toBeVisible();
  await expect(page).toHaveURL(/\/contact$/);
});

test('an unknown address shows a page-not-found page', async ({ page }) => {
  await signIn(page, accounts.member);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
