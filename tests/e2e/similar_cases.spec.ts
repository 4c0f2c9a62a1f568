// The duplicate warning while a case is written: a colleague's open case that looks alike is
// offered, and following it makes the user a watcher while their draft stays as it was.
import { randomUUID } from 'node:crypto';
import { test, expect } from './fixtures';
import { signIn } from './portal';
import { fileCase } from './cases';
import { wcagViolations } from './axe';
import { accounts } from '../support/accounts';

test('while a case is typed, a colleague\'s similar open case is offered and "Follow" makes the user a watcher without losing the draft', async ({ page, browser, baseURL }) => {
  const word = `Zephyr${randomUUID().slice(0, 6)}`;
  const colleague = await browser.newPage();
  await signIn(colleague, accounts.systemAdmin);
  const existing = await fileCase(colleague.request, baseURL!, { title: `${word} segment exports stall at ninety percent` });
  await colleague.close();

  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  await page.getByRole('radio', { name: 'Analytics' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  const title = `${word} exports stall`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Describe the problem').fill('The segment export never finishes.');

  const similar = page.getByRole('region', { name: 'Open cases that look like this one' });
  await expect(similar.getByRole('link', { name: new RegExp(`^${existing.number} · ${word}`) })).toBeVisible();
  // Other tests' open cases may look alike too: only this one is asserted on.
  const theirs = similar.getByRole('listitem').filter({ hasText: existing.number });
  expect(await wcagViolations(page), 'with the warning').toEqual([]);
  await similar.getByRole('button', { name: `Follow this case instead ${existing.number}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `You now follow ${existing.number}. Your draft is kept.` })).toBeVisible();
  await expect(theirs.getByText('You follow this case')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue(title);
  await expect(page.getByLabel('Describe the problem')).toHaveValue('The segment export never finishes.');
  expect(await wcagViolations(page), 'once followed').toEqual([]);

  const response = await page.request.get(`${baseURL}/api/v1/cases/${existing.id}`);
  expect(response.status()).toBe(200);
  const watchers: { name: string }[] = (await response.json()).watchers;
  expect(watchers.map((w) => w.name)).toContain(accounts.supportAdmin.name);

  // After a reload the draft is still there, and the case is shown as followed already.
  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue(title);
  await expect(theirs.getByText('You follow this case')).toBeVisible();
  await expect(similar.getByRole('button', { name: `Follow this case instead ${existing.number}` })).toHaveCount(0);
});

test('a product\'s similar cases never include another product\'s', async ({ page, browser, baseURL }) => {
  // The same unique word on an Analytics case and on a Target case: writing a Target case
  // offers the Target one and never the Analytics one. Other tests' cases may share the
  // common words, so only these two are asserted on.
  const word = `Quasar${randomUUID().slice(0, 6)}`;
  const colleague = await browser.newPage();
  await signIn(colleague, accounts.systemAdmin);
  const analytics = await fileCase(colleague.request, baseURL!, { title: `${word} report suite totals differ` });
  const target = await fileCase(colleague.request, baseURL!, {
    title: `${word} activity totals differ`,
    product: 'target',
    details: { activity_name: 'Homepage hero test' },
  });
  await colleague.close();

  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  await page.getByRole('radio', { name: 'Target' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Title').fill(`${word} totals differ`);
  const similar = page.getByRole('region', { name: 'Open cases that look like this one' });
  await expect(similar.getByRole('link', { name: new RegExp(`^${target.number} · ${word}`) })).toBeVisible();
  await expect(similar.getByRole('link', { name: new RegExp(`^${analytics.number} · `) })).toHaveCount(0);
  await expect(similar.getByRole('link', { name: new RegExp(word) })).toHaveCount(1);
});
