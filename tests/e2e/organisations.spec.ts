// A person who belongs to two organisations (the demo's Morgan Avery) switches between them:
// in the portal's header, and from the console that embeds it. Every view then shows the other
// organisation's data and nothing of the first; drafts stay with their organisation.
import { randomUUID } from 'node:crypto';
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { signIn } from './portal';
import { fileCase, draftSaved } from './cases';
import { accounts } from '../support/accounts';
import { wcagViolations } from './axe';
import { SCRIPTED } from '../support/scripted';

// Cases filed here would show in other journeys' lists.
test.use({ isolated: true, expectedConsole: [/status of 404/] });

const person = accounts.multiOrg;

/** The person's organisations as the session lists them, the current one first. */
async function organisations(page: Page, baseURL: string): Promise<{ current: string; other: string }> {
  const session = await (await page.request.get(`${baseURL}/api/v1/session`)).json();
  const names: string[] = session.organisations.map((o: { name: string }) => o.name);
  expect(names).toHaveLength(2);
  return { current: session.organisation.name, other: names.find((n) => n !== session.organisation.name)! };
}

const banner = (page: Page) => page.getByRole('banner');

/** The portal's line saying who is signed in where ("Northwind Traders  Signed in as …"). */
const signedIn = (within: Page | Locator | FrameLocator) =>
  within.getByRole('paragraph').filter({ hasText: 'Signed in as' });
const signedInAt = (within: Page | Locator | FrameLocator, organisation: string) =>
  signedIn(within).filter({ hasText: organisation });

test('a person in two organisations switches in the header, and every view reloads with nothing of the other left', async ({ page, baseURL }) => {
  await signIn(page, person);
  const { current: first, other: second } = await organisations(page, baseURL!);
  const inFirst = await fileCase(page.request, baseURL!, { title: `In the first organisation ${randomUUID().slice(0, 8)}` });
  // The switcher is a labelled control like the others in the header.
  await expect(banner(page).getByLabel('Organisation')).toHaveValue(/.+/);
  expect(await wcagViolations(page)).toEqual([]);

  await banner(page).getByLabel('Organisation').selectOption({ label: second });
  await expect(signedInAt(page, second)).toBeVisible();
  const inSecond = await fileCase(page.request, baseURL!, { title: `In the second organisation ${randomUUID().slice(0, 8)}` });
  await page.goto('/cases');
  await expect(page.getByRole('cell', { name: inSecond.title })).toBeVisible();
  await expect(page.getByRole('cell', { name: inFirst.title })).toHaveCount(0);

  // Switched on the list itself: it reloads, with the first organisation's rows only.
  await banner(page).getByLabel('Organisation').selectOption({ label: first });
  await expect(page.getByRole('cell', { name: inFirst.title })).toBeVisible();
  await expect(page.getByRole('cell', { name: inSecond.title })).toHaveCount(0);
  // A case of the other organisation is not found here.
  await page.goto(`/cases/${inSecond.id}`);
  await expect(page.getByText('This item does not exist or you cannot see it.')).toBeVisible();
  await expect(page.getByText(inSecond.title)).toHaveCount(0);
});

test('a draft stays with its organisation: switched away it is not there, switched back it is', async ({ page, baseURL }) => {
  await signIn(page, person);
  const { current: first, other: second } = await organisations(page, baseURL!);
  const title = `Draft of the first organisation ${randomUUID().slice(0, 8)}`;
  await page.goto('/cases/new');
  await page.getByRole('radio', { name: 'Analytics' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Title').fill(title);
  await draftSaved(page, title);

  await banner(page).getByLabel('Organisation').selectOption({ label: second });
  await expect(page).toHaveURL(/\/cases$/);
  await page.getByRole('link', { name: 'File a case' }).click();
  await expect(page.getByRole('radio', { name: 'Analytics' })).not.toBeChecked();

  await banner(page).getByLabel('Organisation').selectOption({ label: first });
  await page.getByRole('link', { name: 'File a case' }).click();
  await expect(page.getByLabel('Title')).toHaveValue(title);
});

/** Signs in to the demo console as the person (no portal password). */
async function enterConsole(page: Page, where: string): Promise<void> {
  const answer = await page.request.post('/console/sign-in', { headers: SCRIPTED, form: { email: person.email }, maxRedirects: 0 });
  expect(answer.status()).toBe(303);
  await page.goto(where);
}

test('the console switches the organisation, in its document and in a frame, and the portal follows', async ({ page }) => {
  await enterConsole(page, '/console/support/cases');
  const portal = page.locator('#portal');
  const consoleSwitch = page.locator('.console-header').getByLabel('Organisation');
  await expect(portal.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  // The console chooses: the portal offers no switcher of its own.
  await expect(portal.getByLabel('Organisation')).toHaveCount(0);
  const options = await consoleSwitch.locator('option').allInnerTexts();
  expect(options).toHaveLength(2);
  await expect(signedIn(portal)).toBeVisible();
  const line = await signedIn(portal).innerText();
  const shown = options.find((o) => line.includes(o))!;
  expect(shown).toBeTruthy();
  const other = options.find((o) => o !== shown)!;
  await consoleSwitch.selectOption({ label: other });
  await expect(signedInAt(portal, other)).toBeVisible();
  await expect(page).toHaveURL(/\/console\/support\/cases$/);

  await page.goto('/console/framed/cases');
  const frame = page.frameLocator('#portal-frame');
  await expect(frame.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  // The console remembers its choice and hands it over.
  await expect(signedInAt(frame, other)).toBeVisible();
  await consoleSwitch.selectOption({ label: shown });
  await expect(signedInAt(frame, shown)).toBeVisible();
});
