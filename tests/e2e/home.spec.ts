// The home page as people use it: what needs a support role (a case support asked about, the
// open chat, support users for the administrator), the vendor's announcement, a member's help
// search and administrators, and "Get started" moving the progress in the enablement phase.
import { test, expect } from './fixtures';
import { areaCode, signIn } from './portal';
import { fileCase, agentReplies } from './cases';
import { freshCustomer } from './users';
import { agentSetsStatus } from '../support/agent';
import { accounts } from '../support/accounts';
import { SCRIPTED } from '../support/scripted';

test('after support asks a question on a case, the home page lists it as awaiting your reply', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Home Owner');
  await signIn(page, me);
  const awaiting = page.getByRole('region', { name: 'Cases awaiting your reply' });
  await expect(awaiting.getByText('No case awaits your reply.')).toBeVisible();

  const filed = await fileCase(page.request, baseURL!, { title: `Segments look empty ${Date.now()}` });
  await agentReplies(page.request, baseURL!, filed.id, 'Which segment is it?');
  await agentSetsStatus(page.request, baseURL!, filed.id, 'awaiting_your_reply');

  await page.reload();
  await expect(awaiting.getByText('1 case awaits your reply.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your open cases' }).getByText('You have 1 open case.')).toBeVisible();
  await awaiting.getByRole('link', { name: `${filed.number} · ${filed.title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: filed.title })).toBeVisible();
  await page.goBack();
  await awaiting.getByRole('link', { name: 'See every case awaiting your reply' }).click();
  await expect(page).toHaveURL(/\/cases\?status=awaiting_your_reply$/);
  await expect(page.getByRole('row', { name: new RegExp(filed.title) }).getByRole('link', { name: filed.number })).toBeVisible();
});

test('the open chat is on the home page and resuming it opens the chat panel', async ({ page, browser, baseURL }) => {
  // The panel's code arrives late (a slow link): resuming before it is there still opens the
  // panel and puts the focus in it.
  await page.route(areaCode('chat_panel'), async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const me = await freshCustomer(browser, baseURL!, 'Home Chatter');
  await signIn(page, me);
  const chat = page.getByRole('region', { name: 'Your chat' });
  await expect(chat.getByText('You have no open chat.')).toBeVisible();
  const started = await page.request.post(`${baseURL}/api/v1/chats`, {
    headers: SCRIPTED,
    data: { product: 'analytics', topic: 'Report suite latency', summary: 'Hourly data is late.' },
  });
  expect(started.ok(), await started.text()).toBe(true);

  await page.reload();
  await expect(chat.getByText('Your chat about “Report suite latency” is waiting for a support engineer.')).toBeVisible();
  await chat.getByRole('button', { name: 'Resume the chat' }).click();
  const panel = page.getByRole('dialog', { name: 'Chat with support' });
  await expect(panel).toBeVisible();
  await expect(panel).toBeFocused();
});

test('the system administrator sees the support users to review and the invitations still out', async ({ page }) => {
  await signIn(page, accounts.systemAdmin);
  const users = page.getByRole('region', { name: 'Support users', exact: true });
  await expect(users.getByText(/waiting for review\.$/)).toBeVisible();
  await users.getByRole('link', { name: 'See the invited support users' }).click();
  await expect(page).toHaveURL(/\/support-users\?status=invited$/);
  await expect(page.getByRole('table', { name: 'Support users' }).getByRole('rowheader', { name: 'Jordan Blake' })).toBeVisible();
});

test('the home page appears whole: nothing on it moves while its blocks load', async ({ page }) => {
  // Every layout shift the browser records from the start of each page load.
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!e.hadRecentInput) w.__shift += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await signIn(page, accounts.supportAdmin);
  for (const size of [{ width: 1280, height: 720 }, { width: 412, height: 823 }]) {
    await page.setViewportSize(size);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: `Hello, ${accounts.supportAdmin.name}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your open cases' })).toBeVisible();
    await expect(page.getByText('Loading…')).toHaveCount(0);
    // A frame after the last block, then the total (0.1 is the "good" limit of Core Web Vitals).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
    const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
    expect(shift, `layout shift at ${size.width} px`).toBeLessThanOrEqual(0.02);
  }
});

test('the vendor\'s announcement shows on the home page with its severity in words', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  const announcements = page.getByRole('region', { name: 'Announcements' });
  const item = announcements.getByRole('listitem').filter({ hasText: 'Support for Analytics, Target and Audience Manager is now in one portal' });
  await expect(item).toBeVisible();
  await expect(item.getByText('Information', { exact: true })).toBeVisible();
  await expect(item.getByText(/^Until /)).toBeVisible();
});

test('a member searches help from the home page and sees who their support administrators are', async ({ page }) => {
  await signIn(page, accounts.member);
  await expect(page.getByRole('region', { name: 'What needs you' })).toHaveCount(0);
  const admins = page.getByRole('region', { name: 'Your support administrators' });
  await expect(admins.getByText(accounts.systemAdmin.name)).toBeVisible();
  await expect(admins.getByRole('link', { name: accounts.systemAdmin.email })).toHaveAttribute('href', `mailto:${accounts.systemAdmin.email}`);

  const help = page.getByRole('region', { name: 'Find help' });
  await expect(help.getByRole('heading', { name: 'Popular in the forums' })).toBeVisible();
  await expect(help.getByRole('listitem').first()).toBeVisible();
  await help.getByRole('searchbox', { name: 'Search help articles' }).fill('classifications');
  await help.getByRole('searchbox', { name: 'Search help articles' }).press('Enter');
  await expect(page).toHaveURL(/\/help\?q=classifications$/);
  await expect(page.getByRole('link', { name: 'Classifications are not applied to reports' })).toBeVisible();
});

test.describe('backend started in the enablement phase', () => {
  // Marking items done changes the users' progress: a backend of its own.
  test.use({ phase: 'enablement', isolated: true });

  test('completing a learning item moves the progress on the home page', async ({ page }) => {
    await signIn(page, accounts.member);
    const home = page.getByRole('region', { name: 'Get started', exact: true });
    await expect(home.getByRole('progressbar', { name: 'Your progress' })).toBeVisible();
    await expect(home.getByText('0 of 6 done')).toBeVisible();
    await expect(home.getByText('Next: A five-minute tour of the Support Portal')).toBeVisible();

    // The phase banner leads to the material.
    await page.getByRole('region', { name: 'Get started with the portal' }).getByRole('link', { name: 'Open the learning material' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Get started' })).toBeVisible();
    await expect(page).toHaveTitle(/^Get started · Support Portal$/);
    const tour = page.getByRole('checkbox', { name: 'Done: A five-minute tour of the Support Portal' });
    await expect(tour).not.toBeChecked();
    // By keyboard: the box takes focus and Space marks it done.
    await tour.focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('status').filter({ hasText: '1 of 6 done' })).toBeVisible();
    await expect(tour).toBeChecked();
    await expect(tour).toBeFocused();
    await expect(page.getByText(/^Done on /)).toBeVisible();
    // Items for the support roles are not offered to a member.
    await expect(page.getByRole('checkbox', { name: 'Done: File your first support case' })).toHaveCount(0);
    // A video opens elsewhere, in a new tab; an article opens its help page.
    await expect(page.getByRole('link', { name: /A five-minute tour/ })).toHaveAttribute('target', '_blank');
    await expect(page.getByRole('link', { name: 'Target: stop the flicker before an experience loads' })).toHaveAttribute('href', '/help/flicker-before-experience');

    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Done: A five-minute tour of the Support Portal' })).toBeChecked();
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await expect(home.getByText('1 of 6 done')).toBeVisible();
    await expect(home.getByText('Next: Choose your language and time zone')).toBeVisible();

    // Not done again: the progress goes back.
    await page.goto('/learning');
    await page.getByRole('checkbox', { name: 'Done: A five-minute tour of the Support Portal' }).uncheck();
    await expect(page.getByRole('status').filter({ hasText: '0 of 6 done' })).toBeVisible();
  });
});
