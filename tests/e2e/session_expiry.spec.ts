import { test, expect } from './fixtures';
import { signIn } from './portal';
import { accounts } from '../support/accounts';
import { SCRIPTED } from '../support/scripted';

// Saves a time zone to the profile: a backend of its own.
test.use({ isolated: true });

test('when the session ends mid-work, the user signs in again and keeps the unsaved input', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Time zone').selectOption('Asia/Tokyo');

  // The session ends on the server (as on expiry or removal) while the form is unsaved.
  const ended = await page.request.delete(`${baseURL}/api/v1/session`, { headers: SCRIPTED });
  expect(ended.status()).toBe(204);

  await page.getByRole('button', { name: 'Save' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Email')).toHaveValue(accounts.supportAdmin.email);
  await dialog.getByLabel('Password').fill(accounts.supportAdmin.password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();

  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your settings are saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
});
