// Hand-off: a host (the vendor's admin console, from its server) mints a single-use token for its
// signed-in user; the portal exchanges it for a session, as a sign-in with a password would.
import { test, expect } from '@playwright/test';
import {
  API, accounts, anonymous, expectDocumented, expectProblem, problemTypes, sessionCookie,
} from './contract';
import { hostHeaders } from '../support/host';

test('a minted hand-off token signs its user in, once', async () => {
  const host = await anonymous();
  const minted = await host.post(`${API}/host/handoff`, { headers: hostHeaders(), data: { email: accounts.supportAdmin.email } });
  const handoff = await expectDocumented(minted, 'POST', '/host/handoff');
  expect(minted.status()).toBe(201);
  expect(handoff.token.length).toBeGreaterThanOrEqual(43);
  expect(handoff.expires_in).toBeGreaterThan(0);
  await host.dispose();

  const portal = await anonymous();
  const res = await portal.post(`${API}/session/handoff`, { data: { token: handoff.token } });
  const session = await expectDocumented(res, 'POST', '/session/handoff');
  expect(res.status()).toBe(200);
  expect(session.user.email).toBe(accounts.supportAdmin.email);
  const cookie = sessionCookie(res);
  expect(cookie).toMatch(/;\s*HttpOnly/i);
  const again = await expectDocumented(await portal.get(`${API}/session`), 'GET', '/session');
  expect(again.user.id).toBe(session.user.id);

  const reuse = await portal.post(`${API}/session/handoff`, { data: { token: handoff.token } });
  const problem = await expectProblem(reuse, 401, problemTypes.invalidHandoff);
  await expectDocumented(reuse, 'POST', '/session/handoff');
  expect(problem.title).toBe('Hand-off refused');
  expect(sessionCookie(reuse)).toBeUndefined();
  await portal.dispose();
});

test('an unknown hand-off token is refused', async () => {
  const ctx = await anonymous();
  const res = await ctx.post(`${API}/session/handoff`, { data: { token: 'not-a-hand-off-token' } });
  await expectProblem(res, 401, problemTypes.invalidHandoff);
  await ctx.dispose();
});

test('minting needs the host token, and an active user', async () => {
  const ctx = await anonymous();
  const email = accounts.member.email;
  const none = await ctx.post(`${API}/host/handoff`, { data: { email } });
  await expectProblem(none, 401, problemTypes.unauthenticated);
  await expectDocumented(none, 'POST', '/host/handoff');
  const wrong = await ctx.post(`${API}/host/handoff`, { headers: hostHeaders('not-the-host-token'), data: { email } });
  await expectProblem(wrong, 401, problemTypes.unauthenticated);

  const unknown = await ctx.post(`${API}/host/handoff`, {
    headers: hostHeaders(), data: { email: `nobody-${Date.now()}@conformance.example` },
  });
  await expectProblem(unknown, 404, problemTypes.notFound);
  await expectDocumented(unknown, 'POST', '/host/handoff');
  const empty = await ctx.post(`${API}/host/handoff`, { headers: hostHeaders(), data: { email: '' } });
  const problem = await expectProblem(empty, 400, problemTypes.validation);
  expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(['email']);
  await ctx.dispose();
});
