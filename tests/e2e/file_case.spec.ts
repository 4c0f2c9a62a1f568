import { randomUUID } from 'node:crypto';
import { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { signIn, fillSignIn } from './portal';
import { freshCustomer, removeUser } from './users';
import { fillCaseForm, casesTitled, draftSaved, describeProblem, followVendorReplyThenCloseAndReopen, loseNextFilingAnswer, toReview } from './cases';
import { accounts } from '../support/accounts';
import { SCRIPTED } from '../support/scripted';

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
  await page.getByLabel('Site URL').fill('https://shop.example/sale');
  await page.getByLabel('I can reproduce the problem').check();
  await page.getByLabel('Steps to reproduce').fill('Open the sale page in a private window.');
  await page.getByLabel('Environment (browser, SDK, integration)').fill('at.js 2.11 on Chrome');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: /^P1 Critical/ }).check();
  await page.getByLabel('Business impact').fill('Checkout conversion is down by a third.');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Contact phone').fill('+44 20 7946 0000');
  await page.getByRole('checkbox', { name: accounts.systemAdmin.name }).check();
  await page.getByLabel('Your time zone').selectOption('Europe/Paris');
  await draftSaved(page, 'Europe/Paris');

  await page.reload();
  await expect(page.getByText('Your unsent case was restored where you left it.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Step 5 of 6/ })).toBeVisible();
  await expect(page.getByLabel('Contact phone')).toHaveValue('+44 20 7946 0000');
  await expect(page.getByLabel('Your time zone')).toHaveValue('Europe/Paris');
  await expect(page.getByRole('checkbox', { name: accounts.systemAdmin.name })).toBeChecked();
  await page.getByRole('button', { name: 'Next' }).click();
  const review = page.getByRole('definition');
  for (const value of [title, 'The activity shows the default experience.', 'Spring sale', 'https://shop.example/sale',
    'Open the sale page in a private window.', 'at.js 2.11 on Chrome', 'P1 Critical', 'Checkout conversion is down by a third.',
    '+44 20 7946 0000', 'Europe/Paris', accounts.systemAdmin.name]) {
    await expect(review.filter({ hasText: value }).first(), value).toBeVisible();
  }

  await page.getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByRole('heading', { name: /Step 1 of 6/ })).toBeVisible();
  await draftSaved(page, title, false);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Target' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Target' })).not.toBeChecked();
  await expect(page.getByText('Your unsent case was restored where you left it.')).toHaveCount(0);
});

test.describe('when a submit fails', () => {
  test.use({ expectedConsole: [/ERR_INTERNET_DISCONNECTED/] });

  test('the draft survives the failure and a reload, and files one case once the connection is back', async ({ page, context, baseURL }) => {
    await signIn(page, accounts.supportAdmin);
    await page.goto('/cases/new');
    const title = uniqueTitle();
    await fillCaseForm(page, title);
    await draftSaved(page, title);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Submit case' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The portal cannot reach the server.' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Step 6 of 6/ })).toBeVisible();
    await context.setOffline(false);

    await page.reload();
    await expect(page.getByText('Your unsent case was restored where you left it.')).toBeVisible();
    await expect(page.getByRole('heading', { name: /Step 6 of 6/ })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: title })).toBeVisible();
    await page.getByRole('button', { name: 'Submit case' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    expect(await casesTitled(page.request, baseURL!, title)).toBe(1);
  });
});

test.describe('when the backend refuses a field', () => {
  // The browser logs the refused submit (400); the test provokes it.
  test.use({ expectedConsole: [/status of 400/] });

test("a watcher who left the organisation meanwhile is refused by the backend next to the field, in the user's language", async ({ page, browser, baseURL }) => {
  // People of this test's own: the requester switches their profile to French.
  const requester = await freshCustomer(browser, baseURL!, 'Quinn Requester');
  const colleague = await freshCustomer(browser, baseURL!, 'Wren Watcher');
  await signIn(page, requester);
  await page.goto('/cases/new');
  const title = uniqueTitle();
  await fillCaseForm(page, title);
  await page.getByRole('navigation', { name: 'Steps of filing a case' }).getByRole('button', { name: /Contact and watchers/ }).click();
  await page.getByRole('checkbox', { name: colleague.name }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('definition').filter({ hasText: colleague.name })).toBeVisible();

  // The system administrator removes the colleague while the case is being written.
  await removeUser(browser, baseURL!, colleague.id);
  await page.getByLabel('Language').selectOption({ label: 'Français' });
  await page.getByRole('button', { name: 'Envoyer le dossier' }).click();

  await expect(page.getByRole('heading', { name: /Étape 5 sur 6/ })).toBeVisible();
  await expect(page.getByText('Certains champs sont à corriger.')).toBeVisible();
  const watchers = page.getByRole('group', { name: 'Collègues à tenir informés' });
  await expect(watchers).toHaveAccessibleDescription(/n'est plus membre actif de votre organisation/);
  await expect(page.getByRole('button', { name: /Contact et observateurs \(à corriger\)/ })).toBeVisible();
  const gone = page.getByRole('checkbox', { name: 'Une personne qui ne fait plus partie de votre organisation' });
  await expect(gone).toBeChecked();
  await gone.uncheck();
  await expect(watchers).not.toHaveAccessibleDescription(/n'est plus membre actif/);
  await page.getByRole('navigation', { name: "Étapes de l'envoi d'un dossier" }).getByRole('button', { name: /Vérification et envoi/ }).click();
  await page.getByRole('button', { name: 'Envoyer le dossier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(await casesTitled(page.request, baseURL!, title)).toBe(1);
});
});

test('a link that is not a web address is refused before sending, and the case page shows the details as reported', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  const title = uniqueTitle();
  await describeProblem(page, 'Analytics', title, 'The workspace project times out.');
  await page.getByLabel('Report suite ID').fill('northwind-prod');
  await page.getByLabel('Workspace link').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByLabel('Workspace link')).toHaveAccessibleDescription(/Enter a web address that starts with https:\/\/ or http:\/\/\./);
  await expect(page.getByRole('heading', { name: /Step 3 of 6/ })).toBeVisible();
  await page.getByLabel('Workspace link').fill('https://analytics.example/workspace/42');
  await toReview(page);
  await page.getByRole('button', { name: 'Submit case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  const reported = page.getByRole('region', { name: 'What was reported' });
  await expect(reported.getByRole('definition').filter({ hasText: 'northwind-prod' })).toBeVisible();
  const link = reported.getByRole('link', { name: 'https://analytics.example/workspace/42' });
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(reported.getByRole('definition').filter({ hasText: '+44 20 7946 0000' })).toBeVisible();
});

/** Starts a case as the signed-in user and waits until its title is kept on this device. */
async function startCaseDraft(page: Page): Promise<string> {
  await page.goto('/cases/new');
  const title = uniqueTitle();
  await page.getByRole('radio', { name: 'Analytics' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Title').fill(title);
  await draftSaved(page, title);
  return title;
}

test('after the session ends mid-form, signing in again brings the user back to the same draft', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  const title = await startCaseDraft(page);

  expect((await page.request.delete(`${baseURL}/api/v1/session`, { headers: SCRIPTED })).status()).toBe(204);
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcases%2Fnew$/);
  await fillSignIn(page, accounts.supportAdmin.email, accounts.supportAdmin.password);
  await expect(page.getByText('Your unsent case was restored where you left it.')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue(title);
});

test('another user of the same browser never sees the draft, which its author kept at sign-out', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  const title = await startCaseDraft(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  const asked = page.getByRole('dialog', { name: 'Unsent work on this device' });
  await asked.getByRole('button', { name: 'Keep them and sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Support Portal' })).toBeVisible();

  await signIn(page, accounts.systemAdmin);
  await page.goto('/cases/new');
  await expect(page.getByRole('radio', { name: 'Analytics' })).not.toBeChecked();
  await expect(page.getByText('Your unsent case was restored')).toHaveCount(0);
  // Nothing of theirs is kept here: no question on the way out.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Support Portal' })).toBeVisible();

  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  await expect(page.getByText('Your unsent case was restored where you left it.')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue(title);
});

test('on a shared computer, signing out removes the user\'s unsent drafts from the device when asked', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  const title = await startCaseDraft(page);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await signOut.click();
  const asked = page.getByRole('dialog', { name: 'Unsent work on this device' });
  await expect(asked).toContainText('If other people use this browser, remove them before you sign out.');
  // Escape changes nothing: still signed in, back on the button.
  await page.keyboard.press('Escape');
  await expect(asked).toHaveCount(0);
  await expect(signOut).toBeFocused();
  await expect(page.getByLabel('Title')).toHaveValue(title);

  await signOut.click();
  await asked.getByRole('button', { name: 'Remove them and sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Support Portal' })).toBeVisible();
  await draftSaved(page, title, false);
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  await expect(page.getByRole('radio', { name: 'Analytics' })).not.toBeChecked();
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

  /** Fills a case and submits it; the backend files it, but its answer never arrives. */
  async function submitAndLoseTheAnswer(page: Page): Promise<string> {
    await signIn(page, accounts.supportAdmin);
    await page.goto('/cases/new');
    const title = uniqueTitle();
    await fillCaseForm(page, title);
    await loseNextFilingAnswer(page);
    await page.getByRole('button', { name: 'Submit case' }).click();
    await expect(page.getByText('The portal cannot reach the server')).toBeVisible();
    return title;
  }

  test('submitting again files the same case, not a second one', async ({ page, baseURL }) => {
    const title = await submitAndLoseTheAnswer(page);
    await page.getByRole('button', { name: 'Submit case' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    expect(await casesTitled(page.request, baseURL!, title)).toBe(1);
  });

  test('a draft changed after the lost answer leads to the case it already filed, or files the changes anew', async ({ page, baseURL }) => {
    const title = await submitAndLoseTheAnswer(page);
    // The user, not knowing the case was filed, edits the title and submits again.
    const changed = `${title} (edited)`;
    await page.getByRole('navigation', { name: 'Steps of filing a case' }).getByRole('button', { name: /Problem/ }).click();
    await page.getByLabel('Title').fill(changed);
    await page.getByRole('navigation', { name: 'Steps of filing a case' }).getByRole('button', { name: /Review and submit/ }).click();
    await page.getByRole('button', { name: 'Submit case' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'This draft was already filed as a case' });
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('link', { name: 'Open the filed case' })).toHaveAttribute('href', /\/cases\/.+/);
    expect(await casesTitled(page.request, baseURL!, title)).toBe(1);

    await notice.getByRole('button', { name: 'File as a new case' }).click();
    await expect(page.getByRole('heading', { level: 1, name: changed })).toBeVisible();
    expect(await casesTitled(page.request, baseURL!, changed)).toBe(1);
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

test.describe('when an upload fails', () => {
  test.use({ expectedConsole: [/net::ERR_FAILED/] });

  test('a dropped file shows its progress, and a failed upload is retried without re-entering anything', async ({ page }) => {
    await signIn(page, accounts.supportAdmin);
    await page.goto('/cases/new');
    const title = uniqueTitle();
    await describeProblem(page, 'Target', title, 'The network trace is attached.');
    await page.getByLabel('Activity name').fill('Spring sale');

    let attempts = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/api/v1/attachments', async (route) => {
      attempts += 1;
      if (attempts === 1) return route.abort('failed'); // the connection drops mid-upload
      await held; // the retry is held until its progress was seen
      await route.continue();
    });
    const trace = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{"log":{"entries":[]}}'], 'trace.har', { type: '' }));
      return dt;
    });
    await page.getByText('You can also drop files here.').dispatchEvent('drop', { dataTransfer: trace });
    await expect(page.getByText('trace.har could not be uploaded.')).toBeVisible();
    await page.getByRole('button', { name: 'Try trace.har again' }).click();
    await expect(page.getByRole('progressbar', { name: 'Uploading trace.har' })).toBeVisible();
    release();
    await expect(page.getByRole('button', { name: 'Remove trace.har' })).toBeVisible();
    expect(attempts).toBe(2);
    await expect(page.getByLabel('Activity name')).toHaveValue('Spring sale');
  });
});

test('a case is filed with its attachment, which downloads as a file', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  const title = uniqueTitle();
  await describeProblem(page, 'Analytics', title, 'See the attached log.');
  await page.getByLabel('Attach files').setInputFiles({ name: 'collector.log', mimeType: '', buffer: Buffer.from('ERROR 503 from collector\n') });
  await expect(page.getByRole('button', { name: 'Remove collector.log' })).toBeVisible();
  await toReview(page, 'P4 Minor');
  await page.getByRole('button', { name: 'Submit case' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const link = page.getByRole('link', { name: 'collector.log' });
  await expect(link).toBeVisible();
  const download = await page.request.get(new URL((await link.getAttribute('href'))!, baseURL).toString());
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
  expect(await download.text()).toBe('ERROR 503 from collector\n');
});
