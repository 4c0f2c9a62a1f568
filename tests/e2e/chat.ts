// Helpers for the chat journeys: the customer's open chat found over the real customer API, and
// the panel driven in the page (the agent's own calls are shared, in support/agent.ts).
import { APIRequestContext, Locator, Page, expect } from '@playwright/test';
import { agentAccepts } from '../support/agent';

/** The signed-in user's open chat (queued or active), waiting until it exists. */
export async function openChatId(request: APIRequestContext, baseURL: string): Promise<string> {
  let id = '';
  await expect(async () => {
    const chats = await (await request.get(`${baseURL}/api/v1/chats`)).json();
    const open = chats.find((c: { status: string }) => c.status === 'queued' || c.status === 'active');
    expect(open, 'an open chat').toBeTruthy();
    id = open.id;
  }).toPass({ timeout: 10_000 });
  return id;
}

/** The messages the backend stored for a chat, in order (the customer's view over the API). */
export async function storedBodies(request: APIRequestContext, baseURL: string, chatId: string): Promise<string[]> {
  const messages = await (await request.get(`${baseURL}/api/v1/chats/${chatId}/messages?after=0`)).json();
  return messages.map((m: { body: string }) => m.body);
}

/** Opens the panel and starts a chat about Analytics with a topic and a summary. */
export async function startChat(page: Page, topic: string, summary = 'Hourly data is six hours late.'): Promise<void> {
  await page.getByRole('button', { name: /^Chat with support/ }).click();
  const panel = chatPanel(page);
  await panel.getByLabel('Product').selectOption({ label: 'Analytics' });
  await panel.getByLabel('Topic').fill(topic);
  await panel.getByLabel('What do you need help with?').fill(summary);
  await panel.getByRole('button', { name: 'Start the chat' }).click();
}

export function chatPanel(page: Page) {
  return page.getByRole('dialog', { name: 'Chat with support' });
}

/** Writes and sends a message from the panel. */
export async function say(page: Page, body: string): Promise<void> {
  const panel = chatPanel(page);
  await panel.getByLabel('Your message').fill(body);
  await panel.getByRole('button', { name: 'Send', exact: true }).click();
}

/** The page's chat streams, routed through the test so it can cut them, and keep new ones from
 *  connecting while `down` (the rest of the API still answers). */
export interface StreamControl {
  /** Closes every open stream, as a dropped link does; with `keepDown`, new ones fail too. */
  cut(keepDown?: boolean): Promise<void>;
  /** Lets streams connect again. */
  restore(): void;
  /** How many streams the page opened so far. */
  connections(): number;
}

export async function controlStreams(page: Page): Promise<StreamControl> {
  let down = false;
  let connections = 0;
  const open: { close: () => Promise<void> }[] = [];
  await page.routeWebSocket(/\/stream/, (ws) => {
    connections++;
    if (down) {
      void ws.close({ code: 1011, reason: 'test: stream down' });
      return;
    }
    ws.connectToServer();
    open.push({ close: () => ws.close({ code: 4000, reason: 'test drop' }) });
  });
  return {
    async cut(keepDown = false) {
      down = keepDown;
      for (const ws of open.splice(0)) await ws.close().catch(() => {});
    },
    restore() { down = false; },
    connections: () => connections,
  };
}

/** Starts a chat about `topic` that the agent (Priya Nair) accepts at once; waits until the
 *  panel says so. */
export async function startAcceptedChat(page: Page, baseURL: string, topic: string): Promise<{ chatId: string; panel: ReturnType<typeof chatPanel> }> {
  await startChat(page, topic);
  const chatId = await openChatId(page.request, baseURL);
  await agentAccepts(page.request, baseURL, chatId);
  const panel = chatPanel(page);
  await expect(panel.getByText('You are chatting with Priya Nair.')).toBeVisible();
  return { chatId, panel };
}

/** The messages the panel shows, in order: the text of each, without who wrote it or whether it
 *  arrived (the one place that knows how a message's text is marked: `.chat-text` in the
 *  portal's panel, `.text` in the chat widget's for host pages). */
export async function shownBodies(panel: Locator): Promise<string[]> {
  // One CSS query: a role query over a thousand lines takes more than a minute.
  return panel.locator('li > .chat-text, li > .text').allInnerTexts();
}
