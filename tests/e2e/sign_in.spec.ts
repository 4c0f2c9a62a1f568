import { test, expect } from './fixtures';
import { areaCode, fillSignIn, signIn, mainNavigation } from './portal';
import { accounts } from '../support/accounts';

test('a wrong password shows a clear error and keeps the email in the field', async ({ page }) => {
  await page.goto('/sign-in');
  await fillSignIn(page, accounts.supportAdmin.email, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('The email or password is not right');
  await expect(page.getByLabel('Email')).toHaveValue(accounts.supportAdmin.email);
  await expect(mainNavigation(page)).toHaveCount(0);
});

test('repeated wrong passwords slow sign-in down, with a message that says how long to wait', async ({ page }) => {
  // A throwaway address: the demo accounts must stay usable by the other journeys.
  const email = `nobody-${Date.now()}@northwind.example`;
  await page.goto('/sign-in');
  await expect(page).toHaveTitle('Sign in · Support Portal');
  for (let i = 0; i < 5; i++) {
    await fillSignIn(page, email, `wrong-${i}`);
    await expect(page.getByRole('alert')).toContainText('The email or password is not right');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await fillSignIn(page, email, 'wrong-again');
  await expect(page.getByRole('alert')).toContainText(/Too many failed attempts\. Try again in \d+ min\./);
  await expect(page.getByLabel('Email')).toHaveValue(email);
});

test('an empty form names each missing field next to it, without a request', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('This field is required.');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('This field is required.');
});

test('a first visit fetches the sign-in page\'s code while it asks who is signed in', async ({ page }) => {
  const events: string[] = [];
  const codeAsked = page.waitForRequest(areaCode('sign_in')).then(() => { events.push('code asked'); });
  // The backend's answer waits for the code to be asked for (at most 3 s): asked only after the
  // answer, the code would come a round trip late.
  await page.route('**/api/v1/session', async (route) => {
    await Promise.race([codeAsked, new Promise((resolve) => setTimeout(resolve, 3000))]);
    events.push('session answered');
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect(events.slice(0, 2)).toEqual(['code asked', 'session answered']);
});

test('the session survives a reload without showing the sign-in page', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.getByRole('link', { name: 'Contact support' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact support' })).toBeVisible();
  const sawSignIn: string[] = [];
  page.on('framenavigated', (f) => { if (f.url().includes('/sign-in')) sawSignIn.push(f.url()); });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact support' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  expect(sawSignIn).toEqual([]);
});

test('signing out ends the session: the API then answers 401 and pages ask to sign in', async ({ page, baseURL }) => {
  await signIn(page, accounts.member);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Support Portal' })).toBeVisible();
  const response = await page.request.get(`${baseURL}/api/v1/session`);
  expect(response.status()).toBe(401);
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
});

test('the session cookie is HttpOnly and no token sits in web storage', async ({ page, context }) => {
  await signIn(page, accounts.member);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'sp_session');
  expect(session?.httpOnly).toBe(true);
  expect(['Lax', 'Strict']).toContain(session?.sameSite);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(session!.value);
});
