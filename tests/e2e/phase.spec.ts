import { test, expect } from './fixtures';
import { signIn } from './portal';
import { accounts } from '../support/accounts';

test.describe('backend started in the setup phase', () => {
  test.use({ phase: 'setup' });

  test('the home page says cases cannot be filed yet and which numbers to call', async ({ page }) => {
    await signIn(page, accounts.supportAdmin);
    const banner = page.getByRole('region', { name: 'The portal is not yet active for submitting cases' });
    await expect(banner).toBeVisible();
    await expect(banner.getByRole('link', { name: /^\+/ }).first()).toHaveAttribute('href', /^tel:\+/);
  });
});

test('the live portal shows no setup banner', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await expect(page.getByRole('heading', { name: 'What you can do here' })).toBeVisible();
  await expect(page.getByText('The portal is not yet active for submitting cases')).toHaveCount(0);
});
