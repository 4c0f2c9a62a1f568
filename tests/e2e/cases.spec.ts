import { test, expect } from './fixtures';
import { signIn, mainNavigation } from './portal';
import { fileCase, agentReplies, currentVersion, draftSaved, followVendorReplyThenCloseAndReopen } from './cases';
import { accounts } from '../support/accounts';
import { SCRIPTED } from '../support/scripted';

test('a support administrator finds a case, sees the vendor reply arrive without reloading, replies, closes and reopens it', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  const filed = await fileCase(page.request, baseURL!);

  await mainNavigation(page).getByRole('link', { name: 'Cases' }).click();
  await page.getByLabel('Search cases').fill(filed.title);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const table = page.getByRole('table', { name: 'Cases' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('link', { name: filed.number }).click();

  await expect(page.getByRole('heading', { level: 1, name: filed.title })).toBeVisible();
  await expect(page.getByText('First response within 1 h')).toBeVisible(); // Northwind is premium
  await expect(page.getByText(/^Case filed as P\d/)).toBeVisible();

  await followVendorReplyThenCloseAndReopen(page, baseURL!, filed.id);
});

test('closing a case that changed meanwhile is refused with a clear message and shows the latest version', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  const filed = await fileCase(page.request, baseURL!);
  await page.goto(`/cases/${filed.id}`);
  await expect(page.getByRole('button', { name: 'Close case' })).toBeVisible();

  // Another tab closes it first.
  const other = await page.request.post(`${baseURL}/api/v1/cases/${filed.id}/close`, {
    headers: { ...SCRIPTED, 'If-Match': `"${filed.version}"` },
  });
  expect(other.ok(), await other.text()).toBeTruthy();

  await page.getByRole('button', { name: 'Close case' }).click();
  await expect(page.getByText('This case changed meanwhile')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Closed$/ })).toBeVisible();
});

test('filters and search live in the URL: they survive a reload and the back button', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases');
  await page.getByRole('button', { name: "My organisation's cases" }).click();
  await expect(page).toHaveURL(/scope=organisation/);
  await page.getByLabel('Priority').selectOption('p1');
  await expect(page).toHaveURL(/priority=p1/);
  await page.getByLabel('Search cases').fill('outage');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/q=outage/);

  await page.reload();
  await expect(page.getByLabel('Priority')).toHaveValue('p1');
  await expect(page.getByLabel('Search cases')).toHaveValue('outage');
  await expect(page.getByRole('button', { name: "My organisation's cases" })).toHaveAttribute('aria-pressed', 'true');

  await page.goBack();
  await expect(page).not.toHaveURL(/q=outage/);
  await expect(page.getByLabel('Search cases')).toHaveValue('');
  await expect(page.getByLabel('Priority')).toHaveValue('p1');
});

test('a search that matches nothing says so, unlike an empty list', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases?q=no-case-has-this-zzqx');
  await expect(page.getByText('No cases match these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/cases$/);
});

test('a title and a comment with HTML and script payloads are shown as text and never run', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
  const filed = await fileCase(page.request, baseURL!, { title: `Case ${payload}` });
  await agentReplies(page.request, baseURL!, filed.id, `Reply ${payload}`);
  await page.goto(`/cases/${filed.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Case ${payload}` })).toBeVisible();
  await expect(page.getByText(`Reply ${payload}`)).toBeVisible();
  await page.goto(`/cases?q=${encodeURIComponent('Case <img')}`);
  await expect(page.getByRole('cell', { name: `Case ${payload}` }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('main img')).toHaveCount(0);
});

test('a member without a support role reaches no case page and no case endpoint', async ({ page, baseURL, browser }) => {
  const admin = await browser.newContext({ baseURL });
  const adminPage = await admin.newPage();
  await signIn(adminPage, accounts.supportAdmin);
  const filed = await fileCase(adminPage.request, baseURL!);
  await admin.close();

  await signIn(page, accounts.member);
  for (const path of ['/cases', '/cases/new', `/cases/${filed.id}`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  }
  for (const path of ['/api/v1/cases', `/api/v1/cases/${filed.id}`, `/api/v1/cases/${filed.id}/thread`]) {
    expect((await page.request.get(`${baseURL}${path}`)).status(), path).toBe(403);
  }
  const filing = await page.request.post(`${baseURL}/api/v1/cases`, { headers: { ...SCRIPTED, 'Idempotency-Key': `member-${filed.id}` }, data: { title: 'x' } });
  expect(filing.status()).toBe(403);
  const reply = await page.request.post(`${baseURL}/api/v1/cases/${filed.id}/comments`, { headers: SCRIPTED, data: { body: 'x' } });
  expect(reply.status()).toBe(403);
});

test("a support administrator narrows the organisation's cases to one requester, and the choice lives in the URL", async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  const mine = await fileCase(page.request, baseURL!, { title: `Requester filter ${Date.now()}` });
  await page.goto('/cases?scope=organisation');
  await page.getByLabel('Requester').selectOption({ label: accounts.supportAdmin.name });
  await expect(page).toHaveURL(/requester=/);
  const table = page.getByRole('table', { name: 'Cases' });
  await expect(table.getByRole('row').filter({ hasText: mine.title })).toBeVisible();
  // Columns: number (the row header), title, product, priority, status, requester, ...
  const rows = await table.getByRole('row').filter({ has: page.getByRole('cell') }).all();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) await expect(row.getByRole('cell').nth(4)).toHaveText(accounts.supportAdmin.name);
  await page.reload();
  await expect(page.getByLabel('Requester')).toHaveValue(/.+/);
  await page.getByRole('button', { name: 'My cases' }).click();
  await expect(page).not.toHaveURL(/requester=/);
  await expect(page.getByLabel('Requester')).toHaveCount(0);
});

test.describe('in the setup phase', () => {
  test.use({ phase: 'setup' });

  test('the case list works and says cases cannot be filed yet', async ({ page }) => {
    await signIn(page, accounts.supportAdmin);
    await mainNavigation(page).getByRole('link', { name: 'Cases' }).click();
    await expect(page.getByText('Cases cannot be filed yet')).toBeVisible();
    await expect(page.getByRole('button', { name: 'My cases' })).toHaveAttribute('aria-pressed', 'true');
    // The demo cases filed before are listed and open; only filing is closed.
    const rows = page.getByRole('table', { name: 'Cases' }).getByRole('row');
    await expect(rows.nth(1)).toBeVisible();
    await expect(page.getByRole('link', { name: 'File a case' })).toHaveCount(0);
    await rows.nth(1).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 2, name: 'Conversation' })).toBeVisible();
  });
});

test('a support administrator asks for a change of urgency once a day, and for a scheduled call', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  const filed = await fileCase(page.request, baseURL!);
  await page.goto(`/cases/${filed.id}`);

  await page.getByLabel('New priority').selectOption('p2');
  await page.getByLabel('Reason').fill('The nightly export now fails for every customer.');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByText('Change of urgency requested from P3 Important to P2 Urgent: The nightly export now fails for every customer.')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^P2 Urgent$/ })).toBeVisible();

  // A second change within 24 hours is not offered, and the page says why.
  await expect(page.getByLabel('New priority')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Escalate' }).getByText('You can ask for a change of urgency once every 24 hours.')).toBeVisible();
  // The backend refuses it too, whatever the page shows.
  const again = await page.request.post(`${baseURL}/api/v1/cases/${filed.id}/urgency`, {
    headers: { ...SCRIPTED, 'If-Match': `"${await currentVersion(page, baseURL!, filed.id)}"` },
    data: { priority: 'p1', reason: 'Now production is down.' },
  });
  expect(again.status()).toBe(429);

  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  const local = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}T10:30`;
  await page.getByLabel('When should support call?').fill(local);
  await page.getByRole('button', { name: 'Schedule the call' }).click();
  await expect(page.getByText('Your request was sent to support.')).toBeVisible();
  await expect(page.getByText(/Call requested on \+44 20 7946 0000 for/)).toBeVisible();
});

test('a reply being typed is kept when the vendor answers meanwhile', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  const filed = await fileCase(page.request, baseURL!);
  await page.goto(`/cases/${filed.id}`);
  await page.getByLabel('Your reply').fill('Half of my answer');
  await page.getByLabel('Reason').fill('A reason being typed');
  await agentReplies(page.request, baseURL!, filed.id, 'We are looking into it.');
  await expect(page.getByText('We are looking into it.')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel('Your reply')).toHaveValue('Half of my answer');
  await expect(page.getByLabel('Reason')).toHaveValue('A reason being typed');
});

test('an unsent reply and its file survive a reload, and go once sent', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  const filed = await fileCase(page.request, baseURL!);
  await page.goto(`/cases/${filed.id}`);
  await page.getByLabel('Your reply').fill('A long answer I do not want to type twice');
  await page.getByLabel('Attach files').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') });
  await expect(page.getByRole('button', { name: 'Remove export.csv' })).toBeVisible();
  await draftSaved(page, 'export.csv');
  await draftSaved(page, 'A long answer I do not want to type twice');

  await page.reload();
  await expect(page.getByLabel('Your reply')).toHaveValue('A long answer I do not want to type twice');
  await expect(page.getByRole('button', { name: 'Remove export.csv' })).toBeVisible();
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText('Your reply was sent.')).toBeVisible();
  await expect(page.getByLabel('Your reply')).toHaveValue('');
  await draftSaved(page, 'A long answer I do not want to type twice', false);
  await page.reload();
  await expect(page.getByLabel('Your reply')).toHaveValue('');
  await expect(page.getByRole('listitem').filter({ hasText: 'A long answer I do not want to type twice' })).toHaveCount(1);
});
