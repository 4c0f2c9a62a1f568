// The agent API: the vendor's side of cases over real HTTP, behind its own bearer token.
import { test, expect } from '@playwright/test';
import {
  AGENT, API, accounts, agentClient, anonymous, expectDocumented, expectProblem, fileCase, problemTypes, signedIn,
} from './contract';

test('the agent API refuses a missing or wrong token', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  const c = await fileCase(ctx);
  await ctx.dispose();
  const anon = await anonymous();
  const none = await anon.post(`${AGENT}/cases/${c.id}/comments`, { data: { body: 'hi' } });
  await expectProblem(none, 401, problemTypes.unauthenticated);
  await expectDocumented(none, 'POST', '/cases/{id}/comments', AGENT);
  await anon.dispose();
  const wrong = await agentClient('not-the-token');
  await expectProblem(await wrong.post(`${AGENT}/cases/${c.id}/status`, { data: { status: 'in_progress' } }), 401, problemTypes.unauthenticated);
  await wrong.dispose();
  // A session cookie is not an agent token.
  const admin = await signedIn(accounts.systemAdmin);
  await expectProblem(await admin.post(`${AGENT}/cases/${c.id}/comments`, { data: { body: 'hi' } }), 401, problemTypes.unauthenticated);
  await admin.dispose();
});

test('an agent replies, moves the case along and assigns an engineer', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  const c = await fileCase(ctx, { priority: 'p2' });
  const agent = await agentClient();

  const reply = await agent.post(`${AGENT}/cases/${c.id}/comments`, { data: { body: 'We are on it.' } });
  const entry = await expectDocumented(reply, 'POST', '/cases/{id}/comments', AGENT);
  expect(reply.status()).toBe(201);
  expect(entry).toMatchObject({ kind: 'comment', body: 'We are on it.', from_support: true });

  const afterReply = await (await ctx.get(`${API}/cases/${c.id}`)).json();
  expect(afterReply.status).toBe('in_progress');
  expect(afterReply.response.responded_at).toBeTruthy();
  expect(afterReply.response.met).toBe(true);

  const refused = await agent.post(`${AGENT}/cases/${c.id}/status`, { data: { status: 'new' } });
  await expectProblem(refused, 409, problemTypes.transitionNotAllowed);
  await expectDocumented(refused, 'POST', '/cases/{id}/status', AGENT);
  const moved = await agent.post(`${AGENT}/cases/${c.id}/status`, { data: { status: 'resolution_provided' } });
  const movedCase = await expectDocumented(moved, 'POST', '/cases/{id}/status', AGENT);
  expect(movedCase.status).toBe('resolution_provided');

  const assigned = await agent.put(`${AGENT}/cases/${c.id}/engineer`, { data: { engineer: 'Priya Nair' } });
  const assignedCase = await expectDocumented(assigned, 'PUT', '/cases/{id}/engineer', AGENT);
  expect(assignedCase.engineer).toBe('Priya Nair');
  const blank = await agent.put(`${AGENT}/cases/${c.id}/engineer`, { data: { engineer: ' ' } });
  await expectProblem(blank, 400, problemTypes.validation);

  const thread = await (await ctx.get(`${API}/cases/${c.id}/thread`)).json();
  expect(thread.map((e: any) => e.kind)).toEqual(['case_filed', 'comment', 'status_changed', 'status_changed', 'engineer_assigned']);
  expect(thread.slice(1).every((e: any) => e.from_support)).toBe(true);

  const missing = await agent.post(`${AGENT}/cases/case_does_not_exist/comments`, { data: { body: 'x' } });
  await expectProblem(missing, 404, problemTypes.notFound);
  await expectDocumented(missing, 'POST', '/cases/{id}/comments', AGENT);
  await agent.dispose();
  await ctx.dispose();
});

test('agents see every organisation', async () => {
  const other = await signedIn(accounts.otherOrgAdmin);
  const c = await fileCase(other);
  await other.dispose();
  const agent = await agentClient();
  const res = await agent.post(`${AGENT}/cases/${c.id}/comments`, { data: { body: 'Hello Contoso' } });
  expect(res.status(), await res.text()).toBe(201);
  await agent.dispose();
});
