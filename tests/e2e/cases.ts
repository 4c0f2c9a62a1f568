// Helpers for the case journeys: filing a case and playing the vendor's agent, both over the
// real HTTP API of the backend under test.
import { APIRequestContext, Page, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { agentHeaders } from '../support/agent';
import { SCRIPTED } from '../support/scripted';

export interface FiledCase {
  id: string;
  number: string;
  title: string;
  version: number;
}

/** Files a case as the signed-in user of `request` (a page's request context shares its cookies). */
export async function fileCase(request: APIRequestContext, baseURL: string, overrides: Record<string, unknown> = {}): Promise<FiledCase> {
  const title = (overrides.title as string) ?? `Report suite data is late ${randomUUID().slice(0, 8)}`;
  const response = await request.post(`${baseURL}/api/v1/cases`, {
    headers: { ...SCRIPTED, 'Idempotency-Key': randomUUID() },
    data: {
      product: 'analytics',
      priority: 'p3',
      title,
      description: 'Hourly data for the main report suite arrives six hours late since Monday.',
      details: { report_suite_id: 'northwind-prod' },
      reproducible: true,
      contact_phone: '+44 20 7946 0000',
      time_zone: 'Europe/London',
      ...overrides,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = await response.json();
  return { id: body.id, number: body.number, title: body.title, version: body.version };
}

/** The vendor's support engineer replies on a case, through the agent API. */
export async function agentReplies(request: APIRequestContext, baseURL: string, caseId: string, body: string): Promise<void> {
  const response = await request.post(`${baseURL}/agent/v1/cases/${caseId}/comments`, {
    headers: agentHeaders(),
    data: { body },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
}

/**
 * On an open case page: the vendor replies through the agent API and the reply appears without a
 * reload; the user replies with an attachment, closes the case and reopens it.
 */
export async function followVendorReplyThenCloseAndReopen(page: Page, baseURL: string, caseId: string): Promise<void> {
  await agentReplies(page.request, baseURL, caseId, 'Could you send the report suite id and a screenshot?');
  const thread = page.getByRole('list').filter({ hasText: 'Could you send' });
  await expect(thread).toBeVisible({ timeout: 15_000 });

  await page.getByLabel('Your reply').fill('The report suite id is northwind-prod.');
  await page.getByLabel('Attach files').setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
  await expect(page.getByRole('button', { name: 'Remove screenshot.png' })).toBeVisible();
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText('Your reply was sent.')).toBeVisible();
  await expect(page.getByText('The report suite id is northwind-prod.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'screenshot.png' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove screenshot.png' })).toHaveCount(0);
  await expect(page.getByLabel('Your reply')).toHaveValue('');

  await page.getByRole('button', { name: 'Close case' }).click();
  await expect(page.getByText(/You can reopen this case until/)).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Closed$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Reopen case' }).click();
  await expect(page.getByRole('definition').filter({ hasText: /^In progress$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close case' })).toBeVisible();
}

/** The wizard's first two steps: the product, then the problem; ends on the details step. */
export async function describeProblem(page: Page, product: string, title: string, description: string): Promise<void> {
  await page.getByRole('radio', { name: product }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Describe the problem').fill(description);
  await page.getByRole('button', { name: 'Next' }).click();
}

/** From the details step: the priority, a contact phone, and on to the review step. */
export async function toReview(page: Page, priority = 'P3 Important'): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: new RegExp(`^${priority}`) }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Contact phone').fill('+44 20 7946 0000');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Step 6 of 6: Review and submit' })).toBeVisible();
}

/** Fills the filing wizard up to (not including) the review step, with a unique title. */
export async function fillCaseForm(page: Page, title: string, priority = 'P3 Important'): Promise<void> {
  await describeProblem(page, 'Analytics', title, 'Hourly data arrives six hours late.');
  await page.getByLabel('Report suite ID').fill('northwind-prod');
  await toReview(page, priority);
}

/** The next case filed from this page reaches the backend, but its answer never comes back:
 *  nor do the answers of the app's own two retries of it (the same key, the same case). */
export async function loseNextFilingAnswer(page: Page): Promise<void> {
  let dropped = 0;
  await page.route('**/api/v1/cases', async (route) => {
    if (route.request().method() === 'POST' && dropped < 3) {
      dropped++;
      await route.fetch(); // the backend files the case...
      await route.abort('failed'); // ...but the browser never hears back
    } else {
      await route.continue();
    }
  });
}

/** How many cases of the organisation carry exactly this title. */
export async function casesTitled(request: APIRequestContext, baseURL: string, title: string): Promise<number> {
  const response = await request.get(`${baseURL}/api/v1/cases?scope=organisation&q=${encodeURIComponent(title)}`);
  expect(response.ok()).toBeTruthy();
  const page = await response.json();
  return page.items.filter((c: { title: string }) => c.title === title).length;
}

/** Waits until the draft this browser keeps in IndexedDB contains `text` (or, with
 *  `present` false, until no stored value contains it any more). */
export async function draftSaved(page: Page, text: string, present = true): Promise<void> {
  await keptOnDevice(page, text, { present });
}

/** Waits until a value this browser keeps in the portal's IndexedDB store (drafts, the chat
 *  outbox: the portal and the chat widget share it) under a key that starts with `kind`
 *  contains `text` (or, with `present` false, until none does any more). */
export async function keptOnDevice(page: Page, text: string, { present = true, kind = '' } = {}): Promise<void> {
  await page.waitForFunction(async ([needle, wanted, prefix]) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('support-portal', 1);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const entries: [IDBValidKey, unknown][] = await new Promise((resolve) => {
      const store = db.transaction('kv').objectStore('kv');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => resolve(keys.result.map((k, i): [IDBValidKey, unknown] => [k, values.result[i]]));
      values.onerror = () => resolve([]);
    });
    db.close();
    return entries.some(([k, v]) => String(k).startsWith(prefix as string)
      && typeof v === 'string' && v.includes(needle as string)) === wanted;
  }, [text, present, kind] as const);
}

/** The case's current version (its ETag), as an edit must send it in If-Match. */
export async function currentVersion(page: Page, baseURL: string, caseId: string): Promise<number> {
  const response = await page.request.get(`${baseURL}/api/v1/cases/${caseId}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()).version;
}
