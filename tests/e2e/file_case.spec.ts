import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import { signIn, fillSignIn } from './portal';
import { fillCaseForm, casesTitled, draftSaved, describeProblem, followVendorReplyThenCloseAndReopen } from './cases';
import { accounts } from '../support/accounts';

const uniqueTitle = () => `Late hourly data ${randomUUID().slice(0, 8)}`;

test('a support administrator files a case through every step, finds it in the list, follows the vendor reply, replies with a file, closes and reopens it', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases');
  await page.getByRole('link', { name: 'File a case' }).click();
  const title = uniqueTitle();
  await fillCaseForm(page, title, 'P2 Urgent');
  await expect(page.getByRole('definition').filter({ hasText: title })).toBeVisible();
  await page.getByRole('button', { name: 'Submit case' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('First response within 30 min')).toBeVisible(); // Northwind is premium
  await expect(page.getByText('Case filed as P2 Urgent')).toBeVisible();
  const caseId = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByRole('link', { name: 'Back to cases' }).click();
  await expect(page.getByRole('cell', { name: title })).toBeVisible();
  await page.getByRole('row').filter({ hasText: title }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await followVendorReplyThenCloseAndReopen(page, baseURL!, caseId);
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
  await describeProblem(page, 'Target', title, 'The activity shows the default experience.');
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

test('a file over the limit is refused before upload, and the other files and fields are kept', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  const title = uniqueTitle();
  await describeProblem(page, 'Analytics', title, 'The export is empty.');

  const uploads: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/v1/attachments')) uploads.push(r.headers()['x-file-name']); });
  await page.getByLabel('Attach files').setInputFiles([
    { name: 'huge-export.zip', mimeType: 'application/zip', buffer: Buffer.alloc(25 * 1024 * 1024 + 1, 1) },
    { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<b>hi</b>') },
    { name: 'steps.txt', mimeType: 'text/plain', buffer: Buffer.from('1. Open the report\n2. Export\n') },
  ]);
  await expect(page.getByText('huge-export.zip is larger than 25 MB, so it was not attached.')).toBeVisible();
  await expect(page.getByText('page.html cannot be attached: this type of file is not accepted.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove steps.txt' })).toBeVisible();
  expect(uploads).toEqual(['steps.txt']);

  await draftSaved(page, 'steps.txt');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Remove steps.txt' })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Title')).toHaveValue(title);
});

test('a case is filed with its attachment, which downloads as a file', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  const title = uniqueTitle();
  await describeProblem(page, 'Analytics', title, 'See the attached log.');
  await page.getByLabel('Attach files').setInputFiles({ name: 'collector.log', mimeType: '', buffer: Buffer.from('ERROR 503 from collector\n') });
  await expect(page.getByRole('button', { name: 'Remove collector.log' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: /^P4 Minor/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Contact phone').fill('+44 20 7946 0000');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Submit case' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const link = page.getByRole('link', { name: 'collector.log' });
  await expect(link).toBeVisible();
  const download = await page.request.get(new URL((await link.getAttribute('href'))!, baseURL).toString());
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
  expect(await download.text()).toBe('ERROR 503 from collector\n');
});
