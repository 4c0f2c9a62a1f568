import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBackend, stopBackend } from '../support/backend';
import { test, expect } from './fixtures';
import { fillSignIn, signIn } from './portal';
import { freshCustomer } from './users';
import { chatPanel, controlStreams, openChatId, say, shownBodies, startAcceptedChat, startChat, storedBodies } from './chat';
import { accounts } from '../support/accounts';
import { draftSaved, keptOnDevice } from './cases';
import { agentAccepts, agentHeaders, agentSays, agentTypes, customerTyping } from '../support/agent';
import { SCRIPTED } from '../support/scripted';

test('a support administrator starts a chat, sees the queue, then the agent typing and replying', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Quinn Adler');
  await signIn(page, me);
  await startChat(page, 'Report suite data');
  const panel = chatPanel(page);
  await expect(panel.getByText(/You are number \d+ in the queue; about \d+ min to wait\./)).toBeVisible();
  await say(page, 'The main report suite is six hours late.');
  await expect(panel.getByRole('listitem').filter({ hasText: 'six hours late' })).toContainText('Sent');

  const chatId = await openChatId(page.request, baseURL!);
  await agentAccepts(page.request, baseURL!, chatId, 'Priya Nair');
  await expect(panel.getByText('You are chatting with Priya Nair.')).toBeVisible();
  await agentTypes(page.request, baseURL!, chatId);
  await expect(panel.getByText('Support is typing…')).toBeVisible();
  await agentSays(page.request, baseURL!, chatId, 'Looking at it now: https://status.example.com/analytics.');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Looking at it now' })).toBeVisible();
  await expect(panel.getByText('Support is typing…')).toHaveCount(0);
  const link = panel.getByRole('link', { name: 'https://status.example.com/analytics' });
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

  // The panel keeps the conversation while the user moves between pages; Esc minimises it.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' }).click();
  await expect(panel.getByText('Looking at it now')).toBeVisible();
  await panel.getByLabel('Your message').focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Chat with support/ })).toBeFocused();
  await agentSays(page.request, baseURL!, chatId, 'Found it: a stuck job, restarted.');
  await expect(page.getByRole('button', { name: 'Chat with support: 1 new' })).toBeVisible();
});

test.describe('with the network cut', () => {
  // The browser logs the requests that fail while offline; they are the point of the test.
  test.use({ expectedConsole: [/ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed/] });

test('messages written while the connection is down are delivered once and in order, and the agent\'s arrive', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Rae Collins');
  const streams = await controlStreams(page);
  await signIn(page, me);
  const { chatId, panel } = await startAcceptedChat(page, baseURL!, 'Exports');
  await say(page, 'one');
  await expect(panel.getByRole('listitem').filter({ hasText: /^You\s*one/ })).toContainText('Sent');

  await page.context().setOffline(true);
  await streams.cut();
  await expect(panel.getByText('Connection lost. Reconnecting…')).toBeVisible();
  await say(page, 'two');
  await say(page, 'three');
  await expect(panel.getByRole('listitem').filter({ hasText: /^You\s*three/ })).toContainText('Sending…');
  await agentSays(page.request, baseURL!, chatId, 'agent while you were away');
  await page.context().setOffline(false);

  await expect(panel.getByText('agent while you were away')).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByRole('listitem').filter({ hasText: /^You\s*three/ })).toContainText('Sent', { timeout: 20_000 });
  await expect(panel.getByText('Connection lost. Reconnecting…')).toHaveCount(0);
  // The agent wrote while the user's two were waiting in the outbox: that is the stored order.
  const order = ['one', 'agent while you were away', 'two', 'three'];
  expect(await storedBodies(page.request, baseURL!, chatId)).toEqual(order);
  expect(await shownBodies(panel)).toEqual(order);
});
});

test.describe('with only the chat link down', () => {
  test.use({ expectedConsole: [/WebSocket connection to .* failed/] });

  test("messages sent while the realtime link is down still go, and the agent's arrive once it is back", async ({ page, browser, baseURL }) => {
    const me = await freshCustomer(browser, baseURL!, 'Kai Sorensen');
    // The stream can be cut and kept down while the rest of the API still answers.
    const streams = await controlStreams(page);
    await signIn(page, me);
    const { chatId, panel } = await startAcceptedChat(page, baseURL!, 'Segments');
    await say(page, 'one');
    await expect(panel.getByRole('listitem').filter({ hasText: /^You\s*one/ })).toContainText('Sent');

    await streams.cut(true);
    await expect(panel.getByText('Connection lost. Reconnecting…')).toBeVisible();
    await say(page, 'two');
    await expect(panel.getByRole('listitem').filter({ hasText: /^You\s*two/ })).toContainText('Sent');
    await agentSays(page.request, baseURL!, chatId, 'agent while the link was down');
    streams.restore();

    await expect(panel.getByText('agent while the link was down')).toBeVisible({ timeout: 35_000 });
    await expect(panel.getByText('Connection lost. Reconnecting…')).toHaveCount(0);
    const order = ['one', 'two', 'agent while the link was down'];
    expect(await storedBodies(page.request, baseURL!, chatId)).toEqual(order);
    expect(await shownBodies(panel)).toEqual(order);
  });
});

test('support sees the user typing, and no longer once they pause', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Lior Ben-David');
  await signIn(page, me);
  const { chatId, panel } = await startAcceptedChat(page, baseURL!, 'Workspace');
  expect(await customerTyping(page.request, baseURL!, chatId)).toBe(false);
  await panel.getByLabel('Your message').pressSequentially('The project will not load', { delay: 20 });
  await expect.poll(() => customerTyping(page.request, baseURL!, chatId)).toBe(true);
  // A pause of a few seconds is "stopped typing"; nothing was sent.
  await expect.poll(() => customerTyping(page.request, baseURL!, chatId), { timeout: 10_000 }).toBe(false);
  await expect(panel.getByLabel('Your message')).toHaveValue('The project will not load');
  expect(await storedBodies(page.request, baseURL!, chatId)).toEqual([]);
});

test('a reload during an active chat resumes it with its whole history', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Sol Ibarra');
  await signIn(page, me);
  await startChat(page, 'Segments');
  const chatId = await openChatId(page.request, baseURL!);
  await agentAccepts(page.request, baseURL!, chatId);
  await say(page, 'before the reload');
  await agentSays(page.request, baseURL!, chatId, 'agent before the reload');
  await expect(chatPanel(page).getByText('agent before the reload')).toBeVisible();

  // Something half-written stays too.
  await chatPanel(page).getByLabel('Your message').fill('half a thought');
  await draftSaved(page, 'half a thought');

  await page.reload();
  await page.getByRole('button', { name: /^Chat with support/ }).click();
  const panel = chatPanel(page);
  await expect(panel.getByText('You are chatting with Priya Nair.')).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByLabel('Your message')).toHaveValue('half a thought');
  await agentSays(page.request, baseURL!, chatId, 'agent after the reload');
  await expect(panel.getByText('agent after the reload')).toBeVisible();
});

test('for Target the launcher offers a case or a callback instead of a chat', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Tao Lindqvist');
  await signIn(page, me);
  await page.getByRole('button', { name: /^Chat with support/ }).click();
  const panel = chatPanel(page);
  await panel.getByLabel('Product').selectOption({ label: 'Target' });
  await expect(panel.getByText('Chat is not offered for this product.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Start the chat' })).toBeDisabled();
  await panel.getByRole('link', { name: 'Request a callback' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact support' })).toBeVisible();

  const form = page.getByRole('region', { name: 'Request a callback' });
  await form.getByLabel('Product').selectOption({ label: 'Target' });
  await form.getByLabel('What is it about?').fill('The spring activity shows the default experience.');
  await form.getByRole('button', { name: 'Ask support to call me' }).click();
  await expect(form.getByLabel('Number to call')).toHaveAccessibleDescription('This field is required.');
  await expect(form.getByLabel('What is it about?'), 'kept after the refusal').toHaveValue('The spring activity shows the default experience.');
  await form.getByLabel('Number to call').fill('+44 20 7946 0999');
  await form.getByLabel('When suits you (optional)').fill('Weekdays after 14:00');
  await form.getByRole('button', { name: 'Ask support to call me' }).click();
  await expect(form.getByText('Support will call you on +44 20 7946 0999.')).toBeVisible();
  await expect(form.getByRole('listitem').filter({ hasText: 'The spring activity' })).toContainText('waiting for the call');
  const queue = await (await page.request.get(`${baseURL}/agent/v1/callbacks?status=requested`, { headers: agentHeaders() })).json();
  expect(queue.some((c: { phone: string; product: string }) => c.phone === '+44 20 7946 0999' && c.product === 'target')).toBe(true);
});

test.describe('outside business hours', () => {
  test.use({ isolated: true, backendArgs: ['--chat-hours', 'closed'] });

  test('the launcher says chat is closed and offers a case or a callback', async ({ page }) => {
    await signIn(page, accounts.supportAdmin);
    await page.getByRole('button', { name: /^Chat with support/ }).click();
    const panel = chatPanel(page);
    await expect(panel.getByText("Chat is closed now: it is outside your region's support hours.")).toBeVisible();
    await expect(page.getByRole('button', { name: 'Chat with support: closed now' })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'File a case' })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Request a callback' })).toBeVisible();
  });
});

test('the user ends and rates the chat, downloads the transcript and continues it as a case', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Uma Reyes');
  await signIn(page, me);
  await startChat(page, 'Late data', 'Hourly data for the main report suite is late.');
  const chatId = await openChatId(page.request, baseURL!);
  await agentAccepts(page.request, baseURL!, chatId);
  await say(page, 'Is there an incident?');
  // The agent answers once the question is stored, so the transcript's order is the test's.
  await expect.poll(async () => (await (await page.request.get(`${baseURL}/api/v1/chats/${chatId}/messages?after=0`)).json())
    .map((m: { body: string }) => m.body)).toContain('Is there an incident?');
  await agentSays(page.request, baseURL!, chatId, 'Yes, fixed within the hour.');
  const panel = chatPanel(page);
  await expect(panel.getByText('Yes, fixed within the hour.')).toBeVisible();
  await panel.getByRole('button', { name: 'End the chat' }).click();
  await expect(panel.getByText('This chat has ended.')).toBeVisible();

  await panel.getByRole('radio', { name: '4 – Very good' }).check();
  await panel.getByLabel('Comment (optional)').fill('Quick and clear.');
  await panel.getByRole('button', { name: 'Send the rating' }).click();
  await expect(panel.getByText('Thank you for your rating.')).toBeVisible();
  const rated = await (await page.request.get(`${baseURL}/api/v1/chats/${chatId}`)).json();
  expect(rated.rating).toEqual({ score: 4, comment: 'Quick and clear.' });

  const download = page.waitForEvent('download');
  await panel.getByRole('link', { name: 'Download the transcript (text)' }).click();
  const transcript = await readFile(await (await download).path(), 'utf8');
  expect(transcript).toContain('Is there an incident?');
  expect(transcript).toContain('Yes, fixed within the hour.');

  await panel.getByRole('button', { name: 'Continue as a case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Late data' })).toBeVisible();
  await expect(page.getByRole('link', { name: `chat-${chatId}.txt` })).toBeVisible();

  // The chat stays readable on its own page, from the panel's link to every chat.
  await page.getByRole('button', { name: /^Chat with support/ }).click();
  await chatPanel(page).getByRole('link', { name: 'All your chats' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chats' })).toBeVisible();
  await page.getByRole('table', { name: 'Chats' }).getByRole('link', { name: 'Late data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Late data' })).toBeVisible();
  const messages = page.getByRole('list', { name: 'Transcript' }).getByRole('listitem');
  await expect(messages).toHaveCount(2);
  await expect(messages.first()).toContainText('Is there an incident?');
  await expect(messages.last()).toContainText('Yes, fixed within the hour.');
  await expect(page.getByRole('definition').filter({ hasText: 'Quick and clear.' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the case this chat became' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Late data' })).toBeVisible();
  await expect(page.getByRole('link', { name: `chat-${chatId}.txt` })).toBeVisible();
});

test.describe('in the setup phase', () => {
  test.use({ phase: 'setup' });

  test('the launcher says chat is closed and offers only a callback, since cases cannot be filed either', async ({ page }) => {
    await signIn(page, accounts.supportAdmin);
    const launcher = page.getByRole('button', { name: 'Chat with support: closed now' });
    await expect(launcher).toBeVisible();
    await launcher.click();
    const panel = chatPanel(page);
    await expect(panel.getByText('Meanwhile, support can call you back:')).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Request a callback' })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'File a case' })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Start the chat' })).toBeDisabled();
  });
});

test('a member has no launcher and the backend refuses their chat calls', async ({ page, baseURL }) => {
  await signIn(page, accounts.member);
  await expect(page.getByRole('button', { name: /^Chat with support/ })).toHaveCount(0);
  for (const path of ['/api/v1/chats', '/api/v1/chat/availability']) {
    expect((await page.request.get(`${baseURL}${path}`)).status(), path).toBe(403);
  }
  const start = await page.request.post(`${baseURL}/api/v1/chats`, { headers: SCRIPTED, data: { product: 'analytics', topic: 'x', summary: 'y' } });
  expect(start.status()).toBe(403);
});

test('a chat message with HTML and script payloads shows as text', async ({ page, browser, baseURL }) => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const me = await freshCustomer(browser, baseURL!, 'Vic Moreau');
  await signIn(page, me);
  await startChat(page, `Topic ${payload}`);
  const chatId = await openChatId(page.request, baseURL!);
  await say(page, `Mine ${payload}`);
  await agentSays(page.request, baseURL!, chatId, `Theirs ${payload} javascript:alert(1)`);
  const panel = chatPanel(page);
  await expect(panel.getByText(`Mine ${payload}`)).toBeVisible();
  await expect(panel.getByText(`Theirs ${payload} javascript:alert(1)`)).toBeVisible();
  await expect(panel.getByRole('link', { name: /javascript/ })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img')).toHaveCount(0);
});

test.describe('when the backend restarts', () => {
  test.use({ expectedConsole: [/ERR_CONNECTION_REFUSED|WebSocket connection to .* failed/] });

  test('messages written while the backend is down are delivered once after it is back, and the agent\'s reply arrives', async ({ page }) => {
    test.setTimeout(90_000);
    const dir = await mkdtemp(path.join(tmpdir(), 'sp-restart-'));
    const args = ['--phase', 'live', '--chat-hours', 'always', '--database', path.join(dir, 'portal.db'), '--mail-dir', path.join(dir, 'mail'), '--data-dir', path.join(dir, 'data')];
    let backend = await startBackend(args);
    try {
      const url = backend.url;
      await page.goto(`${url}/sign-in`);
      await fillSignIn(page, accounts.supportAdmin.email, accounts.supportAdmin.password);
      await expect(page.getByRole('heading', { level: 1, name: `Hello, ${accounts.supportAdmin.name}` })).toBeVisible();
      await startChat(page, 'Restart');
      const chatId = await openChatId(page.request, url);
      await agentAccepts(page.request, url, chatId);
      const panel = chatPanel(page);
      await say(page, 'before');
      await expect(panel.getByRole('listitem').filter({ hasText: /^You\s*before/ })).toContainText('Sent');

      const stopped = new Promise((resolve) => backend.process.once('exit', resolve));
      stopBackend(backend);
      await stopped;
      await expect(panel.getByText('Connection lost. Reconnecting…')).toBeVisible();
      await say(page, 'during one');
      await say(page, 'during two');
      await expect(panel.getByRole('listitem').filter({ hasText: /^You\s*during two/ })).toContainText('Sending…');

      backend = await startBackend([...args, '--port', new URL(url).port]);
      await agentSays(page.request, url, chatId, 'after the restart');
      await expect(panel.getByText('after the restart')).toBeVisible({ timeout: 40_000 });
      await expect(panel.getByRole('listitem').filter({ hasText: /^You\s*during two/ })).toContainText('Sent', { timeout: 40_000 });
      const stored = await storedBodies(page.request, url, chatId);
      expect([...stored].sort()).toEqual(['after the restart', 'before', 'during one', 'during two']);
      expect(stored.filter((b) => b !== 'after the restart')).toEqual(['before', 'during one', 'during two']);
      expect(await shownBodies(panel)).toEqual(stored);
    } finally {
      stopBackend(backend);
      await rm(dir, { recursive: true, force: true });
    }
  });
});

test('a file sent in the chat arrives with its message, and one over the limit is refused before upload', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Xan Ortiz');
  await signIn(page, me);
  await startChat(page, 'Files');
  const chatId = await openChatId(page.request, baseURL!);
  const panel = chatPanel(page);
  const picker = panel.getByLabel('Attach files');
  await picker.setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<p>x</p>') });
  await expect(panel.getByRole('alert')).toContainText('page.html');
  await panel.getByRole('button', { name: 'Remove page.html' }).click();
  await picker.setInputFiles({ name: 'report.csv', mimeType: 'text/csv', buffer: Buffer.from('day,rows\nmon,120\n') });
  await expect(panel.getByRole('button', { name: 'Remove report.csv' })).toBeVisible();
  await say(page, 'The export is attached.');
  const line = panel.getByRole('listitem').filter({ hasText: 'The export is attached.' });
  await expect(line).toContainText('Sent');
  await expect(line.getByRole('link', { name: 'report.csv' })).toBeVisible();
  const download = page.waitForEvent('download');
  await line.getByRole('link', { name: 'report.csv' }).click();
  expect(await readFile(await (await download).path(), 'utf8')).toBe('day,rows\nmon,120\n');
  const stored = await (await page.request.get(`${baseURL}/api/v1/chats/${chatId}/messages?after=0`)).json();
  expect(stored[0].attachments.map((a: { name: string }) => a.name)).toEqual(['report.csv']);
});

test.describe('with the chat link held down', () => {
  test.use({ expectedConsole: [/WebSocket connection to .* failed/] });

  test('a chat message written after the session ended waits, and is sent once the user signs in again', async ({ page, browser, baseURL }) => {
    const me = await freshCustomer(browser, baseURL!, 'Lena Later');
    const streams = await controlStreams(page);
    await signIn(page, me);
    const { chatId, panel } = await startAcceptedChat(page, baseURL!, 'Session ends during a chat');
    // The link is down (so it cannot tell the panel), and meanwhile the session ends on the
    // server (expiry, removal, another tab signing out): the message meets a 401.
    await streams.cut(true);
    expect((await page.request.delete(`${baseURL}/api/v1/session`, { headers: SCRIPTED })).status()).toBe(204);
    await say(page, 'Kept while signed out');
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await expect(dialog).toBeVisible();
    // Not "not sent": it waits in the outbox on the device.
    await expect(panel.getByRole('listitem').filter({ hasText: 'Kept while signed out' })).toContainText('Sending…');
    await keptOnDevice(page, 'Kept while signed out', { kind: 'chat-outbox:' });

    streams.restore();
    await dialog.getByLabel('Password').fill(me.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => storedBodies(page.request, baseURL!, chatId), { timeout: 20_000 }).toEqual(['Kept while signed out']);
    await expect(panel.getByRole('listitem').filter({ hasText: 'Kept while signed out' })).toContainText('Sent');
  });
});
