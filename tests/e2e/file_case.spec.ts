import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import { signIn, fillSignIn } from './portal';
import { fillCaseForm, casesTitled, draftSaved } from './cases';
import { accounts } from '../support/accounts';

const uniqueTitle = () => `Late hourly data ${randomUUID().slice(0, 8)}`;

test('a support administrator files a case through every step and lands on it; it is in the list', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases');
  await page.getByRole('link', { name: 'File a case' }).click();
  const title = uniqueTitle();
  await fillCaseForm(page, title, 'P2 Urgent');
  await expect(page.getByRole('definition').filter({ hasText: title })).toBeVisible();
  await page.getByRole('button', { name: 'Submit case' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('First response within 30 min')).toBeVisible(); // Northwind is premium
  await page.getByRole('link', { name: 'Back to cases' }).click();
  await expect(page.getByRole('cell', { name: title })).toBeVisible();
});

test('each priority shows its meaning and response target, and a critical case needs its business impact', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  await page.getByRole('button', { name: /Priority and impact/ }).click();
  await expect(page.getByRole('radio', { name: /^P1 Critical/ })).toHaveAccessibleDescription(/Production down.*First response within 15 min/);
  await page.getByRole('radio', { name: /^P1 Critical/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByLabel('Business impact')).toHaveAccessibleDescription(/This field is required\./);
  await expect(page.getByRole('heading', { name: /Step 4 of 6/ })).toBeVisible();
});

test('a reload in the middle of the form brings back every field and the current step', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  const title = uniqueTitle();
  await page.getByRole('radio', { name: 'Target' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Describe the problem').fill('The activity shows the default experience.');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Activity name').fill('Spring sale');
  await draftSaved(page, 'Spring sale');

  await page.reload();
  await expect(page.getByText('Your unsent case was restored where you left it.')).toBeVisible();
  await expect(page.getByLabel('Activity name')).toHaveValue('Spring sale');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Title')).toHaveValue(title);
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByRole('heading', { name: /Step 1 of 6/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Target' })).not.toBeChecked();
});

test('after the session ends mid-form, signing in again brings the user back to the same draft', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  const title = uniqueTitle();
  await page.getByRole('radio', { name: 'Analytics' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Title').fill(title);
  await draftSaved(page, title);

  expect((await page.request.delete(`${baseURL}/api/v1/session`)).status()).toBe(204);
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcases%2Fnew$/);
  await fillSignIn(page, accounts.supportAdmin.email, accounts.supportAdmin.password);
  await expect(page.getByText('Your unsent case was restored where you left it.')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue(title);
});

test('another user of the same browser never sees the draft', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  await page.getByRole('radio', { name: 'Audience Manager' }).check();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, accounts.systemAdmin);
  await page.goto('/cases/new');
  await expect(page.getByRole('radio', { name: 'Audience Manager' })).not.toBeChecked();
  await expect(page.getByText('Your unsent case was restored')).toHaveCount(0);
});

test('double-clicking submit files exactly one case', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  const title = uniqueTitle();
  await fillCaseForm(page, title);
  await page.getByRole('button', { name: 'Submit case' }).dblclick();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(await casesTitled(page.request, baseURL!, title)).toBe(1);
});

test.describe('when the answer to a submit is lost', () => {
  test.use({ expectedConsole: [/net::ERR_FAILED/] });

  test('submitting again files the same case, not a second one', async ({ page, baseURL }) => {
    await signIn(page, accounts.supportAdmin);
    await page.goto('/cases/new');
    const title = uniqueTitle();
    await fillCaseForm(page, title);
    let dropped = false;
    await page.route('**/api/v1/cases', async (route) => {
      if (route.request().method() === 'POST' && !dropped) {
        dropped = true;
        await route.fetch(); // the backend files the case...
        await route.abort('failed'); // ...but the browser never hears back
      } else {
        await route.continue();
      }
    });
    await page.getByRole('button', { name: 'Submit case' }).click();
    await expect(page.getByText('The portal cannot reach the server')).toBeVisible();
    await page.getByRole('button', { name: 'Submit case' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    expect(await casesTitled(page.request, baseURL!, title)).toBe(1);
  });
});

test.describe('in the setup phase', () => {
  test.use({ phase: 'setup' });

  test('filing is closed with an explanation', async ({ page }) => {
    await signIn(page, accounts.supportAdmin);
    await page.goto('/cases/new');
    await expect(page.getByText('Cases cannot be filed yet')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Submit case' })).toHaveCount(0);
  });
});
