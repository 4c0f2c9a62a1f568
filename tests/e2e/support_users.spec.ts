import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { signIn, fillSignIn, mainNavigation, navigationLinks } from './portal';
import { createUser, acceptInvitation, freshCustomer, invitationLinkFor, removeUser, uniqueEmail } from './users';
import { chatPanel, startChat } from './chat';
import { mailsTo, requireLiveMailDir } from '../support/mail';
import { accounts } from '../support/accounts';
import { SCRIPTED } from '../support/scripted';

const PASSPHRASE = 'four words make a password';

test('the system administrator adds a Customer Support Administrator, who sets a password from the emailed link and signs in', async ({ page, browser, baseURL }) => {
  await signIn(page, accounts.systemAdmin);
  await mainNavigation(page).getByRole('link', { name: 'Support users' }).click();
  await page.getByRole('link', { name: 'Add a support user' }).click();
  const email = uniqueEmail('dana');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name', { exact: true }).fill('Dana Whitfield');
  const role = page.getByRole('radio', { name: 'Customer Support Administrator' });
  await expect(role).toHaveAccessibleDescription(/Files and manages cases/);
  await role.check();
  await page.getByRole('button', { name: 'Create and send the invitation' }).click();
  await expect(page.getByRole('status').getByText(`The invitation went to ${email}`)).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('');

  // The invitation, and the notice to the organisation's support administrators.
  const link = await invitationLinkFor(email);
  await expect(async () => {
    const notices = mailsTo(requireLiveMailDir(), accounts.supportAdmin.email);
    expect(notices.some((m) => m.body.includes(email) && m.body.includes('Dana Whitfield'))).toBe(true);
  }).toPass({ timeout: 10_000 });

  const invited = await browser.newContext({ baseURL });
  const newcomer = await invited.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByText(/Welcome, Dana Whitfield/)).toBeVisible();
  await expect(newcomer, 'the token leaves the address bar').toHaveURL(/\/set-password$/);
  await newcomer.getByLabel('New password').fill('too short');
  await newcomer.getByLabel('Repeat the password').fill('too short');
  await newcomer.getByRole('button', { name: 'Set the password' }).click();
  await expect(newcomer.getByLabel('New password')).toHaveAccessibleDescription('Use at least 12 characters.');
  await newcomer.getByLabel('New password').fill(PASSPHRASE);
  await newcomer.getByLabel('Repeat the password').fill(PASSPHRASE);
  await newcomer.getByRole('button', { name: 'Set the password' }).click();
  await expect(newcomer.getByText('Your password is set.')).toBeVisible();
  await newcomer.getByRole('link', { name: 'Sign in' }).click();
  await fillSignIn(newcomer, email, PASSPHRASE);
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Hello, Dana Whitfield' })).toBeVisible();
  const links = await navigationLinks(newcomer);
  expect(links).toContain('Cases');
  expect(links).toContain('Chats');
  expect(links).not.toContain('Support users');
  await expect(newcomer.getByRole('button', { name: /^Chat with support/ })).toBeVisible();

  // The link works once.
  const again = await (await browser.newContext({ baseURL })).newPage();
  await again.goto(link);
  await expect(again.getByText('This invitation link was already used or has expired.')).toBeVisible();
  await invited.close();
});

test('the system administrator changes a role, validates one user and flags another; the audit log and its CSV show each change', async ({ page, baseURL }) => {
  await signIn(page, accounts.systemAdmin);
  const ana = await createUser(page.request, baseURL!, 'Ana Ruiz');
  const ben = await createUser(page.request, baseURL!, 'Ben Okafor');

  await page.goto(`/support-users/${ana.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Ruiz' })).toBeVisible();
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Support System Administrator' });
  await page.getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByText('Ana Ruiz is now Support System Administrator.')).toBeVisible();
  await page.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(page.getByText('Ana Ruiz is validated.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^Validated by Alex Morgan/ })).toBeVisible();

  await page.goto(`/support-users/${ben.id}`);
  await page.getByRole('button', { name: 'Flag', exact: true }).click();
  await expect(page.getByLabel('Reason for flagging')).toHaveAccessibleDescription('This field is required.');
  await page.getByLabel('Reason for flagging').fill('Left the company in October');
  await page.getByRole('button', { name: 'Flag', exact: true }).click();
  await expect(page.getByText('Ben Okafor is flagged.')).toBeVisible();

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Search by support user').fill(ana.email);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/q=/);
  const rows = page.getByRole('table', { name: 'Audit log' }).getByRole('row');
  const roleChange = rows.filter({ hasText: 'Role changed' });
  await expect(roleChange.filter({ hasText: 'Alex Morgan' })).toHaveCount(1);
  await expect(roleChange).toContainText('Customer Support Administrator → Support System Administrator');
  await expect(rows.filter({ hasText: 'Validated' }).filter({ hasText: 'Alex Morgan' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Support user created' })).toHaveCount(1);
  // When: today, as the administrator's profile shows times (their time zone, or the browser's).
  const session = await (await page.request.get(`${baseURL}/api/v1/session`)).json();
  const today = await page.evaluate((timeZone) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(new Date()), session.user.time_zone);
  await expect(roleChange.getByRole('cell').first()).toContainText(today);

  // Who: only the changes this administrator made, by the "Changed by" filter.
  await page.getByLabel('Search by support user').fill(ben.email);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByLabel('Changed by').selectOption({ label: 'Alex Morgan' });
  await expect(page).toHaveURL(/actor=/);
  const flag = rows.filter({ hasText: 'Flagged' });
  await expect(flag).toHaveCount(1);
  await expect(flag).toContainText('“Left the company in October”');
  await page.reload();
  await expect(page.getByLabel('Changed by')).toHaveValue(session.user.id);
  await expect(flag).toHaveCount(1);

  await page.getByLabel('Search by support user').fill('');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the log as CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  expect(csv.charCodeAt(0), 'starts with a byte-order mark').toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  const header = lines[0].split(',');
  const column = (line: string, name: string) => line.split(',')[header.indexOf(name)];
  const anaRole = lines.find((l) => l.includes(ana.email) && column(l, 'action') === 'role_changed')!;
  expect(anaRole, 'the role change of Ana').toBeTruthy();
  expect(column(anaRole, 'actor_name')).toBe('Alex Morgan');
  expect(column(anaRole, 'role_before')).toBe('customer_support_admin');
  expect(column(anaRole, 'role_after')).toBe('support_system_admin');
  expect(column(anaRole, 'at').slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
  const benFlag = lines.find((l) => l.includes(ben.email) && column(l, 'action') === 'user_flagged')!;
  expect(column(benFlag, 'validation_after')).toBe('flagged');
  expect(column(benFlag, 'reason')).toBe('Left the company in October');
});

test('a removed user is signed out at once: their next action asks them to sign in and the API answers 401', async ({ page, browser, baseURL }) => {
  await signIn(page, accounts.systemAdmin);
  const cam = await createUser(page.request, baseURL!, 'Cam Reyes');
  const elsewhere = await browser.newContext({ baseURL });
  const camPage = await elsewhere.newPage();
  await acceptInvitation(camPage.request, baseURL!, cam.email, PASSPHRASE);
  await signIn(camPage, { email: cam.email, password: PASSPHRASE, name: 'Cam Reyes' });

  await page.goto(`/support-users/${cam.id}`);
  await page.getByRole('button', { name: 'Remove Cam Reyes' }).click();
  const confirm = page.getByRole('dialog', { name: `Remove Cam Reyes (${cam.email}) from support?` });
  await confirm.getByRole('button', { name: 'Remove Cam Reyes' }).click();
  await expect(page.getByText('Cam Reyes was removed.')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Removed$/ })).toBeVisible();

  await mainNavigation(camPage).getByRole('link', { name: 'Cases' }).click();
  await expect(camPage.getByRole('dialog', { name: 'Your session has ended' })).toBeVisible();
  expect((await camPage.request.get(`${baseURL}/api/v1/session`)).status()).toBe(401);
  await elsewhere.close();
});

test("a removed user's open chat is closed by the backend at once, and the portal asks them to sign in", async ({ page, browser, baseURL }) => {
  const dee = await freshCustomer(browser, baseURL!, 'Dee Romero');
  await signIn(page, dee);
  await startChat(page, 'Access');
  await expect(chatPanel(page).getByText(/in the queue/)).toBeVisible();

  await removeUser(browser, baseURL!, dee.id);
  // No action of theirs: the chat stream's close (not its next heartbeat, 15 s away) tells the app.
  await expect(page.getByRole('dialog', { name: 'Your session has ended' })).toBeVisible({ timeout: 4_000 });
});

test('an import of 3 valid and 2 invalid rows names the 2 problems, creates 3, and creates nothing the second time', async ({ page }) => {
  await signIn(page, accounts.systemAdmin);
  await page.goto('/support-users/import');
  const emails = ['eve', 'finn', 'gus'].map(uniqueEmail);
  const csv = [
    'email,name,role',
    `${emails[0]},Eve Martin,Customer Support Administrator`,
    `${uniqueEmail('ida')},Ida Nova,Owner`,
    `${emails[1]},Finn Hale,Administrateur du service clientèle`,
    `${emails[2]},Gus Lind,Support System Administrator`,
    'not-an-email,Hal Ames,Customer Support Administrator',
  ].join('\n');
  const file = { name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };

  await page.getByLabel('CSV file').setInputFiles(file);
  await expect(page.getByRole('heading', { name: 'Check before importing: 3 to create, 0 already exist, 2 with a problem.' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Rows of the file' }).getByRole('row');
  await expect(rows.filter({ hasText: 'Ida Nova' })).toContainText('Choose one of the two support roles.');
  await expect(rows.filter({ hasText: 'Hal Ames' })).toContainText('Enter an email address such as name@example.com.');
  await page.getByRole('button', { name: 'Create 3 support users' }).click();
  await expect(page.getByRole('heading', { name: 'Imported: 3 given support access (each told by email), 0 already had it, 2 not imported.' })).toBeVisible();

  await page.getByLabel('CSV file').setInputFiles(file);
  await expect(page.getByRole('heading', { name: 'Check before importing: 0 to create, 3 already exist, 2 with a problem.' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Create \d+ support users$/ })).toHaveCount(0);
  await invitationLinkFor(emails[2]);
});

test('the review queue validates several users at once, by keyboard alone', async ({ page, baseURL }) => {
  await signIn(page, accounts.systemAdmin);
  const mo = await createUser(page.request, baseURL!, 'Mo Sato');
  const nia = await createUser(page.request, baseURL!, 'Nia Brooks');
  await page.goto('/support-users/review');
  for (const who of [mo, nia]) {
    await page.getByRole('checkbox', { name: `Select ${who.name}` }).focus();
    await page.keyboard.press('Space');
  }
  await expect(page.getByRole('heading', { name: 'Selected: 2' })).toBeVisible();
  await page.getByRole('button', { name: 'Validate the selected users' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Validated: 2.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `Select ${mo.name}` })).toHaveCount(0);
  const mine = await (await page.request.get(`${baseURL}/api/v1/support-users/${nia.id}`)).json();
  expect(mine.validation).toMatchObject({ state: 'validated', by: { name: accounts.systemAdmin.name } });
});

test('demoting or removing the last system administrator is refused with a clear message', async ({ page, baseURL }) => {
  // Contoso has exactly one Support System Administrator; nothing here changes it.
  await signIn(page, accounts.otherOrgAdmin);
  const me = await (await page.request.get(`${baseURL}/api/v1/support-users?q=${encodeURIComponent(accounts.otherOrgAdmin.email)}`)).json();
  await page.goto(`/support-users/${me.items[0].id}`);
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Customer Support Administrator' });
  await page.getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByText('Your organisation needs at least one active Support System Administrator')).toBeVisible();
  await page.getByRole('button', { name: `Remove ${accounts.otherOrgAdmin.name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: `Remove ${accounts.otherOrgAdmin.name}` }).click();
  await expect(page.getByText('You cannot remove yourself; another Support System Administrator can.')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Active$/ })).toBeVisible();
});

test('two tabs change the same user: the second is told it changed meanwhile and nothing is overwritten', async ({ page, context, baseURL }) => {
  await signIn(page, accounts.systemAdmin);
  const user = await createUser(page.request, baseURL!, 'Jo Park');
  const other = await context.newPage();
  await page.goto(`/support-users/${user.id}`);
  await other.goto(`/support-users/${user.id}`);
  await expect(other.getByRole('heading', { level: 1, name: 'Jo Park' })).toBeVisible();

  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Support System Administrator' });
  await page.getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByText('Jo Park is now Support System Administrator.')).toBeVisible();

  await other.getByRole('button', { name: 'Remove Jo Park' }).click();
  await other.getByRole('dialog').getByRole('button', { name: 'Remove Jo Park' }).click();
  await expect(other.getByText('This user was changed meanwhile, perhaps in another tab')).toBeVisible();
  await expect(other.getByRole('definition').filter({ hasText: /^Support System Administrator$/ })).toBeVisible();
  await expect(other.getByRole('definition').filter({ hasText: /^Invited$/ })).toBeVisible();
});

test('the system administrator narrows the support users by status, review state and search; the view lives in the URL', async ({ page, baseURL }) => {
  await signIn(page, accounts.systemAdmin);
  await mainNavigation(page).getByRole('link', { name: 'Support users' }).click();
  // The counts per role are the backend's.
  const counts = await (await page.request.get(`${baseURL}/api/v1/support-users/counts`)).json();
  const figures = page.getByRole('definition');
  // The first figure is the Support System Administrators'.
  await expect(page.getByRole('term').first()).toHaveText('Support System Administrators');
  await expect(figures.first()).toHaveText(String(counts.support_system_admins));
  expect(counts.support_system_admins).toBeGreaterThan(0);

  const table = page.getByRole('table', { name: 'Support users' });
  await page.getByLabel('Review', { exact: true }).selectOption({ label: 'Flagged' });
  await expect(page).toHaveURL(/validation=flagged/);
  await expect(table.getByRole('link', { name: 'Riley Evans' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Taylor Brooks' })).toHaveCount(0);

  await page.getByLabel('Review', { exact: true }).selectOption({ label: 'Any' });
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Removed' });
  await expect(page).toHaveURL(/status=removed/);
  await expect(table.getByRole('link', { name: 'Drew Quinn' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Riley Evans' })).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('removed');
  await expect(table.getByRole('link', { name: 'Drew Quinn' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/^(?!.*status=removed)/);
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('');

  await page.getByLabel('Search by name or email').fill('jamie');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(table.getByRole('link', { name: 'Jamie Chen' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
});

test('a CSV dropped on the import page shows its upload progress, then the preview of every row', async ({ page }) => {
  await signIn(page, accounts.systemAdmin);
  await page.goto('/support-users/import');
  const email = uniqueEmail('hana');
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/api/v1/support-users/import**', async (route) => {
    await held; // the upload waits until its progress was seen
    await route.continue();
  });
  const csv = await page.evaluateHandle((row) => {
    const dt = new DataTransfer();
    dt.items.add(new File([`email,name,role\n${row}`], 'team.csv', { type: 'text/csv' }));
    return dt;
  }, `${email},Hana Ito,Customer Support Administrator\n`);
  await page.getByText('Choose a file or drop it here.').dispatchEvent('drop', { dataTransfer: csv });
  await expect(page.getByRole('progressbar', { name: 'Sending the file' })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { name: 'Check before importing: 1 to create, 0 already exist, 0 with a problem.' })).toBeVisible();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});

test('names and emails with HTML and script payloads show as text everywhere, the import preview included', async ({ page, baseURL }) => {
  const payload = '<img src=x onerror="window.__pwned=1">';
  await signIn(page, accounts.systemAdmin);
  const user = await createUser(page.request, baseURL!, `Kim ${payload}`);
  await page.goto(`/support-users?q=${encodeURIComponent(user.email)}`);
  await expect(page.getByRole('link', { name: `Kim ${payload}` })).toBeVisible();
  await page.getByRole('link', { name: `Kim ${payload}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Kim ${payload}` })).toBeVisible();
  // The removal dialog names them, as text.
  await page.getByRole('button', { name: `Remove Kim ${payload}` }).click();
  await expect(page.getByRole('dialog', { name: `Remove Kim ${payload} (${user.email}) from support?` })).toBeVisible();
  await page.keyboard.press('Escape');
  // The audit log shows them too.
  await page.goto(`/support-users/audit?q=${encodeURIComponent(user.email)}`);
  await expect(page.getByRole('rowheader').filter({ hasText: `Kim ${payload}` })).toBeVisible();

  await page.goto('/support-users/import');
  const csv = `email,name,role\n"<script>window.__pwned=2</script>@x.example","Lee ${payload.replace(/"/g, '""')}",Customer Support Administrator\n`;
  await page.getByLabel('CSV file').setInputFiles({ name: 'payload.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('cell', { name: '<script>window.__pwned=2</script>@x.example' })).toBeVisible();
  await expect(page.getByRole('cell', { name: `Lee ${payload}` })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('main img')).toHaveCount(0);
});

test('a Customer Support Administrator and a member reach no administration page and no administration endpoint', async ({ page, baseURL }) => {
  for (const account of [accounts.supportAdmin, accounts.member]) {
    await signIn(page, account);
    for (const path of ['/support-users', '/support-users/new', '/support-users/review', '/support-users/import', '/support-users/audit']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
    }
    for (const path of ['/api/v1/support-users', '/api/v1/support-users/counts', '/api/v1/audit-log']) {
      expect((await page.request.get(`${baseURL}${path}`)).status(), `${account.email} ${path}`).toBe(403);
    }
    const create = await page.request.post(`${baseURL}/api/v1/support-users`, { headers: SCRIPTED, data: { email: uniqueEmail('x'), name: 'X', role: 'support_system_admin' } });
    expect(create.status()).toBe(403);
    await page.request.delete(`${baseURL}/api/v1/session`, { headers: SCRIPTED });
  }
});

test('each list names its own filter region, so a screen reader announces the right list', async ({ page }) => {
  await signIn(page, accounts.systemAdmin);
  for (const [path, name] of [
    ['/support-users', 'Filter support users'],
    ['/support-users/audit', 'Filter the audit log'],
    ['/cases', 'Filter cases'],
  ]) {
    await page.goto(path);
    await expect(page.getByRole('region', { name })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Filter/ })).toHaveCount(1);
  }
});
