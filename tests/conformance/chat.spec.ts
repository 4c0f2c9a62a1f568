// Live chat over REST: availability, starting (one open chat per user), messages stored once per
// client id and numbered in order, typing, end, rating, transcripts, continuing as a case, the
// agent side, and refusals for other users' chats and for members. Chats as accounts.chatCustomer
// (nothing else uses it); accounts.chatColleague is the colleague whose chat it is not.
import { test, expect } from '@playwright/test';
import {
  AGENT, API, accounts, agentClient, anonymous, expectDocumented, expectProblem, externalBackend, problemTypes, signedIn,
} from './contract';
import { endOpenChats, freshChat, messageId, send } from './chat';

const customChannels = process.env.SP_CONFORMANCE_CUSTOM_CHANNELS === '1';

test('availability names every product and why chat is not offered', async () => {
  const ctx = await signedIn(accounts.chatCustomer);
  const list = await expectDocumented(await ctx.get(`${API}/chat/availability`), 'GET', '/chat/availability');
  expect(list.map((a: any) => a.product).sort()).toEqual(['analytics', 'audience_manager', 'target']);
  for (const a of list) {
    expect(a.available).toBe(a.reason === null);
    if (a.reason === 'outside_business_hours') expect(Date.parse(a.opens_at)).toBeGreaterThan(Date.now());
  }
  if (!customChannels) {
    const reasons = Object.fromEntries(list.map((a: any) => [a.product, a.reason]));
    expect(reasons.target).toBe('not_offered_for_product');
    expect(reasons.audience_manager).toBe('not_offered_for_product');
    // The reference backends of this suite run with --chat-hours always.
    if (!externalBackend()) expect(reasons.analytics).toBeNull();
  }
  await ctx.dispose();
});

test('nothing is offered in the setup phase', async () => {
  test.skip(externalBackend() || !process.env.SP_SETUP_URL, 'needs the setup-phase reference backend');
  const setup = await anonymous(process.env.SP_SETUP_URL);
  const { email, password } = accounts.chatCustomer;
  expect((await setup.post(`${API}/session`, { data: { email, password } })).status()).toBe(200);
  const list = await (await setup.get(`${API}/chat/availability`)).json();
  expect(list.every((a: any) => a.reason === 'setup_phase' && !a.available)).toBe(true);
  const res = await setup.post(`${API}/chats`, { data: { product: 'analytics', topic: 'Setup', summary: 'Too early' } });
  await expectProblem(res, 409, problemTypes.chatUnavailable);
  await expectDocumented(res, 'POST', '/chats');
  await setup.dispose();
});

test('a chat starts queued, and a double submit returns the same open chat', async () => {
  const ctx = await signedIn(accounts.chatCustomer);
  const chat = await freshChat(ctx, 'Double submit');
  expect(chat).toMatchObject({ status: 'queued', topic: 'Double submit', last_seq: 0, agent: null, ended_at: null });
  expect(chat.customer.name).toBe(accounts.chatCustomer.name);
  expect(chat.queue_position).toBeGreaterThanOrEqual(1);
  expect(chat.estimated_wait_minutes).toBeGreaterThanOrEqual(0);

  const again = await ctx.post(`${API}/chats`, { data: { product: chat.product, topic: 'Double submit', summary: 'again' } });
  const same = await expectDocumented(again, 'POST', '/chats');
  expect(again.status()).toBe(200);
  expect(same.id).toBe(chat.id);
  expect(again.headers()['location']).toContain(chat.id);

  const one = await expectDocumented(await ctx.get(`${API}/chats/${chat.id}`), 'GET', '/chats/{id}');
  expect(one.id).toBe(chat.id);
  const list = await expectDocumented(await ctx.get(`${API}/chats`), 'GET', '/chats');
  expect(list[0].id).toBe(chat.id);
  await endOpenChats(ctx);
  await ctx.dispose();
});

test('the pre-chat form is checked, and products without chat are refused', async () => {
  const ctx = await signedIn(accounts.chatCustomer);
  await endOpenChats(ctx);
  const blank = await ctx.post(`${API}/chats`, { data: { topic: ' ' } });
  const problem = await expectProblem(blank, 400, problemTypes.validation);
  await expectDocumented(blank, 'POST', '/chats');
  expect(problem.errors.map((e: any) => e.field).sort()).toEqual(['product', 'summary', 'topic']);
  if (!customChannels) {
    const target = await ctx.post(`${API}/chats`, { data: { product: 'target', topic: 'Activities', summary: 'Default experience' } });
    await expectProblem(target, 409, problemTypes.chatUnavailable);
    await expectDocumented(target, 'POST', '/chats');
  }
  await ctx.dispose();
});

test('a message is stored once per id and numbered in order', async () => {
  const ctx = await signedIn(accounts.chatCustomer);
  const chat = await freshChat(ctx, 'Idempotency');
  const id = messageId();
  const first = await send(ctx, chat.id, 'Hello <b>support</b>', id);
  expect(first).toMatchObject({ id, chat_id: chat.id, seq: 1, from_support: false, body: 'Hello <b>support</b>' });
  const resent = await ctx.post(`${API}/chats/${chat.id}/messages`, { data: { id, body: 'Hello <b>support</b>' } });
  expect(resent.status()).toBe(200);
  expect(await expectDocumented(resent, 'POST', '/chats/{id}/messages')).toEqual(first);

  const agent = await agentClient();
  expect((await agent.post(`${AGENT}/chats/${chat.id}/accept`, { data: { agent: 'Priya Nair' } })).status()).toBe(200);
  const reply = await agent.post(`${AGENT}/chats/${chat.id}/messages`, { data: { id: messageId(), body: 'Looking now.' } });
  expect((await expectDocumented(reply, 'POST', '/chats/{id}/messages', AGENT)).from_support).toBe(true);
  await send(ctx, chat.id, 'Thanks');

  const all = await expectDocumented(await ctx.get(`${API}/chats/${chat.id}/messages`), 'GET', '/chats/{id}/messages');
  expect(all.map((m: any) => [m.seq, m.from_support])).toEqual([[1, false], [2, true], [3, false]]);
  const after = await (await ctx.get(`${API}/chats/${chat.id}/messages?after=1`)).json();
  expect(after.map((m: any) => m.seq)).toEqual([2, 3]);
  expect((await (await ctx.get(`${API}/chats/${chat.id}`)).json()).last_seq).toBe(3);

  for (const [data, field] of [
    [{ id: 'no', body: 'x' }, 'id'],
    [{ id: messageId(), body: '   ' }, 'body'],
    [{ id: messageId(), body: 'x'.repeat(4001) }, 'body'],
  ] as const) {
    const bad = await ctx.post(`${API}/chats/${chat.id}/messages`, { data });
    const p = await expectProblem(bad, 400, problemTypes.validation);
    await expectDocumented(bad, 'POST', '/chats/{id}/messages');
    expect(p.errors[0].field).toBe(field);
  }

  // An id belongs to one message: sending it in another chat is a conflict.
  const next = await freshChat(ctx, 'Reused id');
  const reused = await ctx.post(`${API}/chats/${next.id}/messages`, { data: { id, body: 'Hello' } });
  await expectProblem(reused, 409, problemTypes.conflict);
  await expectDocumented(reused, 'POST', '/chats/{id}/messages');
  await endOpenChats(ctx);
  await agent.dispose();
  await ctx.dispose();
});

test('a message carries files uploaded for it, once; unknown or used files are refused', async () => {
  const ctx = await signedIn(accounts.chatCustomer);
  const chat = await freshChat(ctx, 'Files');
  const up = await ctx.post(`${API}/attachments`, {
    data: Buffer.from('{"log":{}}'), headers: { 'Content-Type': 'application/har+json', 'X-File-Name': 'trace.har' },
  });
  expect(up.status()).toBe(201);
  const file = await up.json();
  const withFile = await ctx.post(`${API}/chats/${chat.id}/messages`, { data: { id: messageId(), body: 'The trace', attachments: [file.id] } });
  expect(withFile.status()).toBe(201);
  const stored = await expectDocumented(withFile, 'POST', '/chats/{id}/messages');
  expect(stored.attachments.map((a: any) => [a.id, a.name])).toEqual([[file.id, 'trace.har']]);
  const download = await ctx.get(`${API}/attachments/${file.id}`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toMatch(/^attachment;/);

  for (const ids of [[file.id], ['att_does_not_exist']]) {
    const bad = await ctx.post(`${API}/chats/${chat.id}/messages`, { data: { id: messageId(), body: 'Again', attachments: ids } });
    const p = await expectProblem(bad, 400, problemTypes.validation);
    expect(p.errors.map((e: any) => `${e.field}:${e.code}`)).toContain('attachments:unknown_attachment');
  }
  await endOpenChats(ctx);
  await ctx.dispose();
});

test('a chat ends, is rated afterwards, and downloads as a transcript', async () => {
  const ctx = await signedIn(accounts.chatCustomer);
  const chat = await freshChat(ctx, 'Transcript');
  await send(ctx, chat.id, 'The export is <script>empty</script>');
  const typing = await ctx.post(`${API}/chats/${chat.id}/typing`, { data: { typing: true } });
  expect(typing.status()).toBe(204);
  await expectDocumented(typing, 'POST', '/chats/{id}/typing');

  const early = await ctx.put(`${API}/chats/${chat.id}/rating`, { data: { score: 5 } });
  await expectProblem(early, 409, problemTypes.conflict);
  await expectDocumented(early, 'PUT', '/chats/{id}/rating');
  const ended = await expectDocumented(await ctx.post(`${API}/chats/${chat.id}/end`), 'POST', '/chats/{id}/end');
  expect(ended.status).toBe('ended');
  expect(ended.ended_at).toBeTruthy();
  expect((await (await ctx.post(`${API}/chats/${chat.id}/end`)).json()).ended_at).toBe(ended.ended_at);
  const late = await ctx.post(`${API}/chats/${chat.id}/messages`, { data: { id: messageId(), body: 'One more thing' } });
  await expectProblem(late, 409, problemTypes.chatEnded);
  await expectDocumented(late, 'POST', '/chats/{id}/messages');

  const invalid = await ctx.put(`${API}/chats/${chat.id}/rating`, { data: { score: 6 } });
  await expectProblem(invalid, 400, problemTypes.validation);
  const rated = await expectDocumented(
    await ctx.put(`${API}/chats/${chat.id}/rating`, { data: { score: 4, comment: 'Quick and clear' } }), 'PUT', '/chats/{id}/rating');
  expect(rated.rating).toEqual({ score: 4, comment: 'Quick and clear' });

  const text = await ctx.get(`${API}/chats/${chat.id}/transcript?format=text`);
  expect(text.status()).toBe(200);
  expect(text.headers()['content-type']).toMatch(/^text\/plain/);
  expect(text.headers()['content-disposition']).toBe(`attachment; filename="chat-${chat.id}.txt"`);
  const body = await expectDocumented(text, 'GET', '/chats/{id}/transcript');
  expect(body).toContain('Transcript');
  expect(body).toMatch(new RegExp(`\\] ${accounts.chatCustomer.name}: The export is <script>empty</script>`));
  const json = await ctx.get(`${API}/chats/${chat.id}/transcript?format=json`);
  const transcript = await expectDocumented(json, 'GET', '/chats/{id}/transcript');
  expect(json.headers()['content-disposition']).toBe(`attachment; filename="chat-${chat.id}.json"`);
  expect(transcript.chat.id).toBe(chat.id);
  expect(transcript.messages.map((m: any) => m.seq)).toEqual([1]);
  await ctx.dispose();
});

test('a chat continues as a case that holds its transcript', async () => {
  const ctx = await signedIn(accounts.chatCustomer);
  const chat = await freshChat(ctx, 'Becomes a case');
  await send(ctx, chat.id, 'Report suite nwprod shows zero visits.');
  const res = await ctx.post(`${API}/chats/${chat.id}/case`);
  const c = await expectDocumented(res, 'POST', '/chats/{id}/case');
  expect(res.status()).toBe(201);
  expect(c).toMatchObject({ title: 'Becomes a case', priority: 'p3', product: chat.product });
  const thread = await (await ctx.get(`${API}/cases/${c.id}/thread`)).json();
  const files = thread.flatMap((e: any) => e.attachments ?? []);
  const transcript = files.find((a: any) => a.name === `chat-${chat.id}.txt`);
  expect(transcript?.content_type).toBe('text/plain');
  const download = await ctx.get(`${API}/attachments/${transcript.id}`);
  expect(await download.text()).toContain('Report suite nwprod shows zero visits.');

  const again = await ctx.post(`${API}/chats/${chat.id}/case`);
  expect(again.status()).toBe(200);
  expect((await expectDocumented(again, 'POST', '/chats/{id}/case')).id).toBe(c.id);
  expect((await (await ctx.get(`${API}/chats/${chat.id}`)).json()).case_id).toBe(c.id);
  await endOpenChats(ctx);
  await ctx.dispose();
});

test("another user's chat is not found, even in the same organisation; members are refused", async () => {
  const owner = await signedIn(accounts.chatCustomer);
  const chat = await freshChat(owner, 'Private');
  const calls: Array<[string, string, string, unknown?]> = [
    ['GET', '/chats/{id}', ''],
    ['GET', '/chats/{id}/messages', '/messages'],
    ['POST', '/chats/{id}/messages', '/messages', { id: messageId(), body: 'hi' }],
    ['POST', '/chats/{id}/typing', '/typing', { typing: true }],
    ['POST', '/chats/{id}/end', '/end'],
    ['PUT', '/chats/{id}/rating', '/rating', { score: 1 }],
    ['GET', '/chats/{id}/transcript', '/transcript'],
    ['POST', '/chats/{id}/case', '/case'],
  ];
  const call = (ctx: any, method: string, suffix: string, data?: unknown) =>
    ctx.fetch(`${API}/chats/${chat.id}${suffix}`, { method, data });
  for (const account of [accounts.chatColleague, accounts.otherOrgAdmin]) {
    const ctx = await signedIn(account);
    for (const [method, path, suffix, data] of calls) {
      const res = await call(ctx, method, suffix, data);
      await expectProblem(res, 404, problemTypes.notFound);
      await expectDocumented(res, method, path);
    }
    expect((await (await ctx.get(`${API}/chats`)).json()).map((c: any) => c.id)).not.toContain(chat.id);
    await ctx.dispose();
  }
  const member = await signedIn(accounts.member);
  const anon = await anonymous();
  for (const [method, path, suffix, data] of calls) {
    await expectProblem(await call(member, method, suffix, data), 403, problemTypes.forbidden);
    const res = await call(anon, method, suffix, data);
    await expectProblem(res, 401, problemTypes.unauthenticated);
    await expectDocumented(res, method, path);
  }
  for (const res of [await member.get(`${API}/chat/availability`), await member.get(`${API}/chats`),
    await member.post(`${API}/chats`, { data: { product: 'analytics', topic: 'x', summary: 'y' } })]) {
    await expectProblem(res, 403, problemTypes.forbidden);
  }
  const still = await (await owner.get(`${API}/chats/${chat.id}`)).json();
  expect([still.status, still.last_seq]).toEqual(['queued', 0]);
  await endOpenChats(owner);
  for (const ctx of [owner, member, anon]) await ctx.dispose();
});

test('the agent API lists the queue, accepts a chat once, answers and ends it', async () => {
  const ctx = await signedIn(accounts.chatCustomer);
  const chat = await freshChat(ctx, 'Agent side');
  const agent = await agentClient();
  const queued = await expectDocumented(await agent.get(`${AGENT}/chats?status=queued`), 'GET', '/chats', AGENT);
  const mine = queued.find((c: any) => c.id === chat.id);
  expect(mine.queue_position).toBeGreaterThanOrEqual(1);
  const positions = queued.map((c: any) => c.queue_position);
  expect(positions).toEqual([...positions].sort((a: number, b: number) => a - b));

  const accepted = await agent.post(`${AGENT}/chats/${chat.id}/accept`, { data: { agent: 'Priya Nair' } });
  expect(await expectDocumented(accepted, 'POST', '/chats/{id}/accept', AGENT)).toMatchObject({ status: 'active', agent: 'Priya Nair', queue_position: null });
  const twice = await agent.post(`${AGENT}/chats/${chat.id}/accept`, { data: { agent: 'Someone else' } });
  await expectProblem(twice, 409, problemTypes.conflict);
  await expectDocumented(twice, 'POST', '/chats/{id}/accept', AGENT);
  const active = await (await agent.get(`${AGENT}/chats?status=active`)).json();
  expect(active.map((c: any) => c.id)).toContain(chat.id);

  const typing = await agent.post(`${AGENT}/chats/${chat.id}/typing`, { data: { typing: true } });
  expect(typing.status()).toBe(204);
  const id = messageId();
  const sent = await agent.post(`${AGENT}/chats/${chat.id}/messages`, { data: { id, body: 'Hello from support' } });
  expect(sent.status()).toBe(201);
  const repeat = await agent.post(`${AGENT}/chats/${chat.id}/messages`, { data: { id, body: 'Hello from support' } });
  expect(repeat.status()).toBe(200);
  const read = await expectDocumented(await agent.get(`${AGENT}/chats/${chat.id}/messages`), 'GET', '/chats/{id}/messages', AGENT);
  expect(read.map((m: any) => m.id)).toEqual([id]);
  const seen = await (await ctx.get(`${API}/chats/${chat.id}`)).json();
  expect(seen).toMatchObject({ status: 'active', agent: 'Priya Nair', last_seq: 1 });

  const ended = await expectDocumented(await agent.post(`${AGENT}/chats/${chat.id}/end`), 'POST', '/chats/{id}/end', AGENT);
  expect(ended.status).toBe('ended');
  const anon = await anonymous();
  await expectProblem(await anon.get(`${AGENT}/chats`), 401, problemTypes.unauthenticated);
  for (const c of [ctx, agent, anon]) await c.dispose();
});
