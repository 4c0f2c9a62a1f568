import { test, expect } from './fixtures';
import { mainNavigation, fillSignIn } from './portal';
import { accounts } from '../support/accounts';

// A host serves the portal below /support: its config.json says so. The reference backend
// answers every non-API path with index.html, which stands in for that host here.
test.beforeEach(async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { apiBase: '/api/v1', basePath: '/support' } }));
});

test('under a base path, a deep link signs in and comes back, and links stay under the base', async ({ page }) => {
  await page.goto('/support/contact');
  await expect(page).toHaveURL(/\/support\/sign-in\?next=%2Fcontact$/);
  await fillSignIn(page, accounts.supportAdmin.email, accounts.supportAdmin.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Contact support' })).toBeVisible();
  await expect(page).toHaveURL(/\/support\/contact$/);
  await expect(page).toHaveTitle('Contact support · Support Portal');

  await mainNavigation(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/support\/settings$/);
  await expect(mainNavigation(page).getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
});
