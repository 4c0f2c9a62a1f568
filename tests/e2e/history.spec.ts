// Service history journeys against the real reference backend: filtering in the URL, the chart
// and its table agreeing with the list, the CSV download, and the page in three languages.
import { readFile } from 'node:fs/promises';
import { wcagViolations } from './axe';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { signIn, mainNavigation } from './portal';
import { freshCustomer } from './users';
import { accounts } from '../support/accounts';
import { SCRIPTED } from '../support/scripted';

/** The "n interactions match" count the page announces. */
async function announcedCount(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /Matching interactions|Interactions correspondantes|Interacciones coincidentes/ });
  await expect(status).toBeVisible();
  return Number((await status.innerText()).replace(/[^0-9]/g, ''));
}

/** A customer of their own, signed in, with callback requests on these topics: a history that
 *  no other journey changes while this one runs. */
async function customerWithCallbacks(page: Page, browser: Browser, baseURL: string, name: string, topics: string[]) {
  const me = await freshCustomer(browser, baseURL, name);
  await signIn(page, me);
  for (const topic of topics) {
    const r = await page.request.post(`${baseURL}/api/v1/callbacks`, { headers: SCRIPTED, data: { product: 'target', phone: '+44 20 7946 0123', topic } });
    expect(r.status()).toBe(201);
  }
  return me;
}

/** Every row of the interactions table, through all its pages. */
async function rowsOnEveryPage(page: Page): Promise<number> {
  const table = page.getByRole('table', { name: 'Interactions', exact: true });
  let rows = 0;
  for (;;) {
    await expect(table).toBeVisible();
    rows += await table.getByRole('row').count() - 1;
    const next = page.getByRole('button', { name: 'Next page' });
    if (await next.count() === 0) return rows;
    const before = await table.getByRole('row').nth(1).innerText();
    await next.click();
    await expect(table.getByRole('row').nth(1)).not.toHaveText(before);
  }
}

test('a support administrator narrows the history; reload and back keep each view', async ({ page, browser, baseURL }) => {
  const me = await customerWithCallbacks(page, browser, baseURL!, 'Noa Filters', ['Access to a report suite', 'Segment export is empty']);
  await mainNavigation(page).getByRole('link', { name: 'Service history' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Service history' })).toBeVisible();
  await page.getByLabel('Requester').selectOption({ label: me.name });
  await expect(page).toHaveURL(new RegExp(`requester=${me.id}`));
  await page.getByLabel('Kind').selectOption({ label: 'Callback request' });
  await expect(page).toHaveURL(/kind=callback/);
  expect(await announcedCount(page)).toBe(2);
  const table = page.getByRole('table', { name: 'Interactions', exact: true });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('Open');

  await page.getByLabel('Status').selectOption({ label: 'Closed' });
  await expect(page).toHaveURL(/status=closed/);
  await expect(page.getByText('No interactions match these filters.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Kind')).toHaveValue('callback');
  await expect(page.getByLabel('Status')).toHaveValue('closed');
  await expect(page.getByText('No interactions match these filters.')).toBeVisible();

  await page.goBack();
  await expect(page).not.toHaveURL(/status=closed/);
  await expect(page.getByLabel('Status')).toHaveValue('');
  await expect(page.getByLabel('Kind')).toHaveValue('callback');
  expect(await announcedCount(page)).toBe(2);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/history$/);
  await expect(page.getByLabel('Kind')).toHaveValue('');
});

test('the chart, its table and the list show the same number of interactions', async ({ page, browser, baseURL }) => {
  const me = await customerWithCallbacks(page, browser, baseURL!, 'Hana Chart', ['Report suite access', 'Segment export']);
  await page.goto(`/history?requester=${encodeURIComponent(me.id)}`);
  const count = await announcedCount(page);
  expect(count).toBe(2);

  const chart = page.getByRole('region', { name: 'Interactions per month' });
  await chart.getByRole('button', { name: 'Show as a table' }).click();
  const monthTable = chart.getByRole('table', { name: 'Interactions per month and product' });
  await expect(monthTable).toBeVisible();
  const footer = monthTable.getByRole('row').last();
  await expect(footer.getByRole('cell').last()).toHaveText(String(count));
  await chart.getByRole('button', { name: 'Show as a chart' }).click();
  // The drawing writes each bar's total above it: the totals add up to the count too.
  const totals = await chart.locator('svg text.chart-total').allTextContents();
  expect(totals.reduce((n, t) => n + Number(t.replace(/[^0-9]/g, '')), 0)).toBe(count);
  expect(await rowsOnEveryPage(page)).toBe(count);
});

test('the downloaded CSV is the filtered view, in French, with a byte-order mark and a neutralised formula', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, '=HYPERLINK("http://evil.example","x")');
  await signIn(page, me);
  const asked = await page.request.post(`${baseURL}/api/v1/callbacks`, {
    headers: SCRIPTED,
    data: { product: 'analytics', phone: '+44 20 7946 0123', topic: 'Quotes "and", commas' },
  });
  expect(asked.status()).toBe(201);
  await page.getByLabel('Language').selectOption('fr');
  await page.goto(`/history?kind=callback&requester=${encodeURIComponent(me.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Historique des services' })).toBeVisible();
  await expect(page.getByLabel('Séparer les colonnes par des points-virgules (tableurs en français et en espagnol)')).toBeChecked();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger ces interactions au format CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('service-history.csv');
  await expect(page.getByText('Lignes téléchargées : 1')).toBeVisible();
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.charCodeAt(0), 'a byte-order mark').toBe(0xfeff);
  const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toBe('Type;Référence;Titre ou sujet;Produit;Canal;Priorité;Statut;Demandeur;Ouvert le;Première réponse;Objectif atteint;Clos le');
  expect(lines[1]).toContain('Rappel;;"Quotes ""and"", commas";Analytics;Téléphone;;Ouvert;');
  expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
});

test('the history page meets WCAG 2.2 AA in French and Spanish, chart and table alike', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Axe Historian');
  await signIn(page, me);
  for (const [tag, title, showTable] of [
    ['fr', 'Historique des services', 'Afficher sous forme de tableau'],
    ['es', 'Historial de servicios', 'Mostrar como tabla'],
  ]) {
    await page.getByLabel(/Language|Langue|Idioma/).first().selectOption(tag);
    await page.goto('/history');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    // The chart comes with the summary, after the list: wait for its toggle, not any table.
    const toggle = page.getByRole('button', { name: showTable });
    await expect(toggle).toBeVisible();
    expect(await wcagViolations(page), `${tag}, chart`).toEqual([]);
    await toggle.click();
    expect(await wcagViolations(page), `${tag}, table`).toEqual([]);
  }
});

test('a member who opens the history is told which roles may see it', async ({ page }) => {
  await signIn(page, accounts.member);
  await page.goto('/history');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expect(page.getByText('Customer Support Administrator').first()).toBeVisible();
});
