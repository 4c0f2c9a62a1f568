import { test, expect } from './fixtures';
import { signIn } from './portal';
import { accounts } from '../support/accounts';

// Saves to the profile once back online: a backend of its own.
test.use({ isolated: true, expectedConsole: [/net::ERR_INTERNET_DISCONNECTED/] });

test('a save while the connection is down says so, keeps the choice, and works once back online', async ({ page, context }) => {
  await signIn(page, accounts.member);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Time zone').selectOption('America/Mexico_City');

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The portal cannot reach the server. Check your connection and try again.')).toBeVisible();
  await expect(page.getByLabel('Time zone')).toHaveValue('America/Mexico_City');

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your settings are saved.')).toBeVisible();
});
