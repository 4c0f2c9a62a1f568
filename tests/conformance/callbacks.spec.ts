// Callback requests: asking support to phone (open in every phase), the user's own list, field
// errors, members refused, and the agent side (the list across organisations, marking done).
// Requests are made as accounts.supportAdmin; the backend is shared, so every check finds its
// own request by id or topic rather than counting.
import { test, expect } from '@playwright/test';
import {
  AGENT, API, accounts, agentClient, anonymous, expectDocumented, expectProblem, externalBackend, problemTypes,
  signedIn, uniqueKey,
} from './contract';

function newCallback(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    product: 'analytics',
    phone: '+44 20 7946 0123',
    topic: `Conformance callback ${uniqueKey()}`,
    preferred_time: 'weekdays after 14:00 CET',
    ...overrides,
  };
}

test('a callback is requested and listed for its requester only', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  const data = newCallback();
  const res = await ctx.post(`${API}/callbacks`, { data });
  const callback = await expectDocumented(res, 'POST', '/callbacks');
  expect(res.status(), JSON.stringify(callback)).toBe(201);
  expect(callback).toMatchObject({ ...data, status: 'requested' });
  expect(callback.requester.name).toBe(accounts.supportAdmin.name);
  expect(Date.parse(callback.requested_at)).not.toBeNaN();

  const list = await expectDocumented(await ctx.get(`${API}/callbacks`), 'GET', '/callbacks');
  expect(list[0].id, 'newest first').toBe(callback.id);

  // A colleague in the same organisation does not see it.
  const colleague = await signedIn(accounts.systemAdmin);
  const theirs = await expectDocumented(await colleague.get(`${API}/callbacks`), 'GET', '/callbacks');
  expect(theirs.map((c: any) => c.id)).not.toContain(callback.id);
  await colleague.dispose();
  await ctx.dispose();
});

test('a request is checked field by field', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  const blank = await ctx.post(`${API}/callbacks`, { data: { topic: ' ' } });
  const missing = await expectProblem(blank, 400, problemTypes.validation);
  await expectDocumented(blank, 'POST', '/callbacks');
  expect(missing.errors.map((e: any) => [e.field, e.code]).sort()).toEqual([
    ['phone', 'required'], ['product', 'required'], ['topic', 'required'],
  ]);

  const bad = await ctx.post(`${API}/callbacks`, {
    data: newCallback({ product: 'photoshop', phone: 'call me', topic: 'x'.repeat(501), preferred_time: 'y'.repeat(201) }),
  });
  const wrong = await expectProblem(bad, 400, problemTypes.validation);
  await expectDocumented(bad, 'POST', '/callbacks');
  expect(wrong.errors.map((e: any) => [e.field, e.code]).sort()).toEqual([
    ['phone', 'invalid_phone'], ['preferred_time', 'too_long'], ['product', 'invalid_value'], ['topic', 'too_long'],
  ]);
  await ctx.dispose();
});

test('members may not ask for a callback, and the signed-out are refused', async () => {
  const member = await signedIn(accounts.member);
  const res = await member.post(`${API}/callbacks`, { data: newCallback() });
  await expectProblem(res, 403, problemTypes.forbidden);
  await expectDocumented(res, 'POST', '/callbacks');
  const list = await member.get(`${API}/callbacks`);
  await expectProblem(list, 403, problemTypes.forbidden);
  await expectDocumented(list, 'GET', '/callbacks');
  await member.dispose();

  const nobody = await anonymous();
  const anon = await nobody.post(`${API}/callbacks`, { data: newCallback() });
  await expectProblem(anon, 401, problemTypes.unauthenticated);
  await expectDocumented(anon, 'POST', '/callbacks');
  await nobody.dispose();
});

test('callbacks are open in the setup phase', async () => {
  test.skip(externalBackend() || !process.env.SP_SETUP_URL, 'needs the setup-phase reference backend');
  const setup = await anonymous(process.env.SP_SETUP_URL);
  const { email, password } = accounts.supportAdmin;
  expect((await setup.post(`${API}/session`, { data: { email, password } })).status()).toBe(200);
  const res = await setup.post(`${API}/callbacks`, { data: newCallback() });
  await expectDocumented(res, 'POST', '/callbacks');
  expect(res.status()).toBe(201);
  await setup.dispose();
});

test('the agent lists requests across organisations and marks one done', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  const other = await signedIn(accounts.otherOrgAdmin);
  const mine = await (await ctx.post(`${API}/callbacks`, { data: newCallback() })).json();
  const theirs = await (await other.post(`${API}/callbacks`, { data: newCallback() })).json();

  const agent = await agentClient();
  const queued = await expectDocumented(await agent.get(`${AGENT}/callbacks?status=requested`), 'GET', '/callbacks', AGENT);
  const ids = queued.map((c: any) => c.id);
  expect(ids).toContain(mine.id);
  expect(ids.indexOf(mine.id), 'oldest first').toBeLessThan(ids.indexOf(theirs.id));
  expect(queued.every((c: any) => c.status === 'requested')).toBe(true);

  const res = await agent.post(`${AGENT}/callbacks/${mine.id}/done`);
  const done = await expectDocumented(res, 'POST', '/callbacks/{id}/done', AGENT);
  expect(res.status()).toBe(200);
  expect(done).toMatchObject({ id: mine.id, status: 'done', topic: mine.topic });

  const still = await (await agent.get(`${AGENT}/callbacks?status=requested`)).json();
  expect(still.map((c: any) => c.id)).not.toContain(mine.id);
  const doneList = await expectDocumented(await agent.get(`${AGENT}/callbacks?status=done`), 'GET', '/callbacks', AGENT);
  expect(doneList.map((c: any) => c.id)).toContain(mine.id);
  const own = await (await ctx.get(`${API}/callbacks`)).json();
  expect(own.find((c: any) => c.id === mine.id).status, 'the customer sees it done').toBe('done');

  const unknown = await agent.post(`${AGENT}/callbacks/cb_unknown/done`);
  await expectProblem(unknown, 404, problemTypes.notFound);
  await expectDocumented(unknown, 'POST', '/callbacks/{id}/done', AGENT);
  const badStatus = await agent.get(`${AGENT}/callbacks?status=ended`);
  await expectProblem(badStatus, 400, problemTypes.validation);
  await expectDocumented(badStatus, 'GET', '/callbacks', AGENT);

  await agent.dispose();
  await other.dispose();
  await ctx.dispose();
});
