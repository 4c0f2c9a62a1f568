import { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { signIn } from './portal';
import { freshCustomer } from './users';
import { chatPanel, controlStreams, openChatId, shownBodies, startChat, storedBodies } from './chat';
import { agentAccepts } from '../support/agent';

const MESSAGES = 1000;

/** Types and sends each body in the message box, as keystrokes would (input, then Enter). */
function type(page: Page, bodies: string[]): Promise<void> {
  return page.evaluate((bodies) => {
    const input = document.querySelector<HTMLTextAreaElement>('#chat-input')!;
    for (const body of bodies) {
      input.value = body;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    }
  }, bodies);
}
const DISCONNECTS = 20;

test.use({ expectedConsole: [/ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed/] });

test('1,000 messages across 20 forced disconnects arrive exactly once and in order', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const me = await freshCustomer(browser, baseURL!, 'Wren Soak');
  const streams = await controlStreams(page);
  await signIn(page, me);
  await startChat(page, 'Soak');
  const chatId = await openChatId(page.request, baseURL!);
  await agentAccepts(page.request, baseURL!, chatId);
  const panel = chatPanel(page);
  await panel.getByLabel('Your message').waitFor();
  const expected: string[] = [];
  const every = MESSAGES / DISCONNECTS;
  for (let round = 0; round < DISCONNECTS; round++) {
    const bodies = Array.from({ length: every }, (_, i) => `m${String(round * every + i + 1).padStart(4, '0')}`);
    expected.push(...bodies);
    // The first few go out with the link up; then the link and the network drop, and the rest
    // wait in the outbox until both come back.
    await type(page, bodies.slice(0, 10));
    await page.context().setOffline(true);
    await streams.cut();
    await type(page, bodies.slice(10));
    await page.context().setOffline(false);
  }
  await page.context().setOffline(false);

  await expect(async () => {
    expect(await storedBodies(page.request, baseURL!, chatId)).toHaveLength(MESSAGES);
  }).toPass({ timeout: 60_000 });
  const stored = await storedBodies(page.request, baseURL!, chatId);
  expect(stored).toEqual(expected);
  await expect(panel.getByRole('listitem')).toHaveCount(MESSAGES);
  await expect(panel.getByText('Sending…')).toHaveCount(0, { timeout: 30_000 });
  expect(await shownBodies(panel)).toEqual(expected);
  expect(streams.connections(), 'the link was really cut and resumed each time').toBeGreaterThan(DISCONNECTS);
});
