// PATCH /profile. The demo accounts are shared with the browser tests, so these checks never leave
// a profile changed: they send back the values already there, or values that are refused.
import { test, expect } from '@playwright/test';
import { API, accounts, anonymous, expectDocumented, expectProblem, problemTypes, signedIn } from './contract';

test('sending the current preferences back answers the session unchanged', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  const before = await (await ctx.get(`${API}/session`)).json();
  const data = { locale: before.user.locale, time_zone: before.user.time_zone };
  const res = await ctx.patch(`${API}/profile`, { data });
  const after = await expectDocumented(res, 'PATCH', '/profile');
  expect(after.user.locale).toBe(before.user.locale);
  expect(after.user.time_zone).toBe(before.user.time_zone);

  const empty = await expectDocumented(await ctx.patch(`${API}/profile`, { data: {} }), 'PATCH', '/profile');
  expect(empty.user).toEqual(after.user);
  await ctx.dispose();
});

test('a time zone that is not an IANA name is a field error', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  for (const time_zone of ['Mars/Olympus Mons', 'not a zone', '']) {
    const res = await ctx.patch(`${API}/profile`, { data: { time_zone } });
    const problem = await expectProblem(res, 400, problemTypes.validation);
    await expectDocumented(res, 'PATCH', '/profile');
    expect(problem.errors.map((e: any) => [e.field, e.code])).toContainEqual(['time_zone', 'invalid_time_zone']);
  }
  const badLocale = await ctx.patch(`${API}/profile`, { data: { locale: 'xx' } });
  await expectProblem(badLocale, 400, problemTypes.validation);
  await ctx.dispose();
});

test('the profile needs a session', async () => {
  const ctx = await anonymous();
  const res = await ctx.patch(`${API}/profile`, { data: { locale: 'fr' } });
  await expectProblem(res, 401, problemTypes.unauthenticated);
  await expectDocumented(res, 'PATCH', '/profile');
  await ctx.dispose();
});
