// Signing in and out: the session, its cookie, and the answers to wrong or missing credentials.
import { test, expect } from '@playwright/test';
import {
  API, accounts, anonymous, expectDocumented, expectProblem, problemTypes, sessionCookie, setCookies, signedIn,
} from './contract';

test('signing in answers the session and sets an HttpOnly, SameSite session cookie', async () => {
  const ctx = await anonymous();
  const res = await ctx.post(`${API}/session`, { data: { email: accounts.systemAdmin.email, password: accounts.systemAdmin.password } });
  const session = await expectDocumented(res, 'POST', '/session');
  expect(session.user.email).toBe(accounts.systemAdmin.email);
  expect(session.user.name).toBe(accounts.systemAdmin.name);
  expect(Date.parse(session.expires_at)).toBeGreaterThan(Date.now());

  const cookie = sessionCookie(res);
  expect(cookie, `no session cookie in ${setCookies(res)}`).toBeTruthy();
  expect(cookie).toMatch(/;\s*HttpOnly/i);
  expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
  const token = cookie!.split(';')[0].split('=')[1];
  expect(await res.text(), 'the token never appears in a body').not.toContain(token);

  const again = await expectDocumented(await ctx.get(`${API}/session`), 'GET', '/session');
  expect(again.user.id).toBe(session.user.id);
  await ctx.dispose();
});

test('email addresses are matched without regard to case', async () => {
  const ctx = await anonymous();
  const res = await ctx.post(`${API}/session`, {
    data: { email: accounts.member.email.toUpperCase(), password: accounts.member.password },
  });
  expect(res.status()).toBe(200);
  await ctx.dispose();
});

test('a wrong password and an unknown email get the same invalid-credentials problem', async () => {
  const ctx = await anonymous();
  const wrong = await ctx.post(`${API}/session`, { data: { email: accounts.member.email, password: 'not-the-password' } });
  const a = await expectProblem(wrong, 401, problemTypes.invalidCredentials);
  await expectDocumented(wrong, 'POST', '/session');
  const unknown = await ctx.post(`${API}/session`, {
    data: { email: `nobody-${Date.now()}@conformance.example`, password: accounts.member.password },
  });
  const b = await expectProblem(unknown, 401, problemTypes.invalidCredentials);
  expect(b.title).toBe(a.title);
  expect(sessionCookie(wrong)).toBeUndefined();
  // A success clears the failure count, so this test never brings the account closer to a lockout.
  expect((await ctx.post(`${API}/session`, { data: { email: accounts.member.email, password: accounts.member.password } })).status()).toBe(200);
  await ctx.dispose();
});

test('missing credentials are a validation problem with a field error for each', async () => {
  const ctx = await anonymous();
  const res = await ctx.post(`${API}/session`, { data: { email: '', password: '' } });
  const problem = await expectProblem(res, 400, problemTypes.validation);
  await expectDocumented(res, 'POST', '/session');
  const fields = problem.errors.map((e: { field: string }) => e.field).sort();
  expect(fields).toEqual(['email', 'password']);
  for (const e of problem.errors) expect(e.code).toBe('required');

  const missing = await ctx.post(`${API}/session`, { data: { email: accounts.member.email } });
  const p = await expectProblem(missing, 400, problemTypes.validation);
  expect(p.errors.map((e: { field: string }) => e.field)).toEqual(['password']);
  await ctx.dispose();
});

test('without a session, GET /session is an unauthenticated problem', async () => {
  const ctx = await anonymous();
  const res = await ctx.get(`${API}/session`);
  await expectProblem(res, 401, problemTypes.unauthenticated);
  await expectDocumented(res, 'GET', '/session');
  await ctx.dispose();
});

test('signing out ends the session, clears the cookie, and can be repeated', async () => {
  const ctx = await signedIn(accounts.member);
  expect((await ctx.get(`${API}/session`)).status()).toBe(200);
  const { cookies } = await ctx.storageState();
  const stale = cookies.map((c) => `${c.name}=${c.value}`).join('; ');

  const out = await ctx.delete(`${API}/session`);
  expect(out.status()).toBe(204);
  await expectDocumented(out, 'DELETE', '/session');
  expect(sessionCookie(out) ?? '').toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  await expectProblem(await ctx.get(`${API}/session`), 401, problemTypes.unauthenticated);

  // The old token is dead on the server too, not only forgotten by this client.
  const replay = await anonymous();
  await expectProblem(await replay.get(`${API}/session`, { headers: { cookie: stale } }), 401, problemTypes.unauthenticated);
  expect((await replay.delete(`${API}/session`)).status()).toBe(204);
  await replay.dispose();
  await ctx.dispose();
});

test('repeated failures for one email are throttled with Retry-After, even for the right password', async () => {
  // A throwaway email: the demo accounts must stay usable for the other tests.
  const email = `throttle-${Date.now()}-${Math.floor(Math.random() * 1e6)}@conformance.example`;
  const ctx = await anonymous();
  let throttled;
  for (let i = 0; i < 10; i++) {
    const res = await ctx.post(`${API}/session`, { data: { email, password: `guess-${i}` } });
    if (res.status() === 429) {
      throttled = res;
      break;
    }
    await expectProblem(res, 401, problemTypes.invalidCredentials);
  }
  expect(throttled, 'ten failures in a row were never throttled').toBeTruthy();
  const problem = await expectProblem(throttled!, 429, problemTypes.tooManyAttempts);
  await expectDocumented(throttled!, 'POST', '/session');
  expect(problem.retry_after).toBeGreaterThan(0);
  expect(Number(throttled!.headers()['retry-after'])).toBe(problem.retry_after);
  await ctx.dispose();
});
