// The chat stream (a WebSocket): replay after a cursor, then the status, then live events; every
// event matches the ChatEvent schema of the document. Refused before the upgrade for another
// user's chat (same organisation), a foreign Origin, a member, and without a session. Chats as
// accounts.chatColleague (nothing else uses it); accounts.chatCustomer is the colleague.
import { test, expect } from '@playwright/test';
import {
  AGENT, API, accounts, agentClient, expectDocumented, expectSchema, problemTypes, signedIn,
} from './contract';
import { ChatStream, endOpenChats, freshChat, messageId, refusal, send, sessionCookieOf } from './chat';

const isMessage = (seq: number) => (e: any) => e.type === 'message' && e.message.seq === seq;

test('the stream replays the messages after a cursor, then the status and place in the queue', async () => {
  const ctx = await signedIn(accounts.chatColleague);
  const chat = await freshChat(ctx, 'Replay');
  const sent = [];
  for (const body of ['one', 'two', 'three']) sent.push(await send(ctx, chat.id, body));
  const stream = await ChatStream.open(chat.id, await sessionCookieOf(ctx), 1);
  const [second, third, status, place] = await stream.first(4);
  expect(second).toEqual({ type: 'message', message: sent[1] });
  expect(third).toEqual({ type: 'message', message: sent[2] });
  expect(status).toEqual({ type: 'status', status: 'queued', agent: null });
  expect(place.type).toBe('queue_position');
  expect(place.position).toBeGreaterThanOrEqual(1);
  expect(place.estimated_wait_minutes).toBeGreaterThanOrEqual(0);
  stream.close();
  await endOpenChats(ctx);
  await ctx.dispose();
});

test('messages, typing and the agent joining arrive live, in order, once', async () => {
  const ctx = await signedIn(accounts.chatColleague);
  const chat = await freshChat(ctx, 'Live');
  const stream = await ChatStream.open(chat.id, await sessionCookieOf(ctx));
  await stream.next((e) => e.type === 'status');
  const agent = await agentClient();
  expect((await agent.post(`${AGENT}/chats/${chat.id}/accept`, { data: { agent: 'Priya Nair' } })).status()).toBe(200);
  await stream.next((e) => e.type === 'agent_joined' && e.agent === 'Priya Nair');
  await stream.next((e) => e.type === 'status' && e.status === 'active' && e.agent === 'Priya Nair');

  await agent.post(`${AGENT}/chats/${chat.id}/typing`, { data: { typing: true } });
  await stream.next((e) => e.type === 'typing' && e.from_support && e.typing);
  const answer = await (await agent.post(`${AGENT}/chats/${chat.id}/messages`, { data: { id: messageId(), body: 'How can I help?' } })).json();
  expect((await stream.next(isMessage(1))).message).toEqual(answer);

  // A resend adds nothing; the next message is the next seq, sent once.
  const id = messageId();
  await send(ctx, chat.id, 'The export is empty', id);
  const resent = await ctx.post(`${API}/chats/${chat.id}/messages`, { data: { id, body: 'The export is empty' } });
  expect(resent.status()).toBe(200);
  await send(ctx, chat.id, 'Since Monday');
  await stream.next(isMessage(3));
  const seqs = stream.events.filter((e) => e.type === 'message').map((e) => e.message.seq);
  expect(seqs).toEqual([1, 2, 3]);

  // Typing as a client frame reaches the chat's streams (ours included).
  const from = stream.events.length;
  stream.send({ type: 'typing', typing: true });
  await stream.next((e) => e.type === 'typing' && !e.from_support && e.typing, from);

  await ctx.post(`${API}/chats/${chat.id}/end`);
  await stream.next((e) => e.type === 'status' && e.status === 'ended');
  stream.close();
  await agent.dispose();
  await ctx.dispose();
});

test('signing out closes the stream with 4401, so the client asks to sign in rather than retry', async () => {
  // A session of its own: signing it out leaves the account's other sessions alone.
  const ctx = await signedIn(accounts.chatColleague);
  const chat = await freshChat(ctx, 'Sign-out');
  const stream = await ChatStream.open(chat.id, await sessionCookieOf(ctx));
  await stream.next((e) => e.type === 'status');
  expect((await ctx.delete(`${API}/session`)).status()).toBe(204);
  // At the latest at the next heartbeat (15 s); the reference backend closes at once.
  expect(await stream.closed(20_000)).toBe(4401);
  const other = await signedIn(accounts.chatColleague);
  await endOpenChats(other);
  await other.dispose();
  await ctx.dispose();
});

test("the stream is refused for another user's chat, a foreign origin, a member, and without a session", async () => {
  const owner = await signedIn(accounts.chatColleague);
  const chat = await freshChat(owner, 'Refusals');
  const ownerCookie = await sessionCookieOf(owner);

  const colleague = await signedIn(accounts.chatCustomer);
  const notTheirs = await refusal(chat.id, await sessionCookieOf(colleague));
  expect(notTheirs.status).toBe(404);
  expect(notTheirs.contentType).toContain('application/problem+json');
  expectSchema(notTheirs.body, 'Problem');
  expect(notTheirs.body.type).toBe(problemTypes.notFound);

  const foreign = await refusal(chat.id, ownerCookie, 'https://evil.example');
  expect(foreign.status).toBe(403);
  expect(foreign.body.type).toBe(problemTypes.crossOrigin);

  const member = await signedIn(accounts.member);
  const forbidden = await refusal(chat.id, await sessionCookieOf(member));
  expect(forbidden.status).toBe(403);
  expect(forbidden.body.type).toBe(problemTypes.forbidden);

  const anonymous = await refusal(chat.id, '');
  expect(anonymous.status).toBe(401);
  expect(anonymous.body.type).toBe(problemTypes.unauthenticated);

  // The owner, from the portal's origin, is let in.
  const stream = await ChatStream.open(chat.id, ownerCookie);
  await stream.next((e) => e.type === 'status');
  stream.close();
  await endOpenChats(owner);
  for (const ctx of [owner, colleague, member]) await ctx.dispose();
});

test('the stream path answers a plain request with upgrade required', async () => {
  const ctx = await signedIn(accounts.chatColleague);
  const chat = await freshChat(ctx, 'Plain GET');
  const res = await ctx.get(`${API}/chats/${chat.id}/stream`);
  expect(res.status()).toBe(426);
  await expectDocumented(res, 'GET', '/chats/{id}/stream');
  await endOpenChats(ctx);
  await ctx.dispose();
});
