// Changing roles, removing and reviewing support users: If-Match, the organisation rules, and
// reviews that are all or nothing. Every test works on users it creates.
import { test, expect } from '@playwright/test';
import { API, accounts, anonymous, expectDocumented, expectProblem, problemTypes, signedIn } from './contract';
import { activeUser, createUser, etagOf, myId } from './users';
import { liveMailDir } from '../support/mail';

test('a role changes with the current version only', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const user = await createUser(admin);
  const url = `${API}/support-users/${user.id}/role`;
  const missing = await admin.put(url, { data: { role: 'support_system_admin' } });
  expect(missing.status()).toBe(428);
  await expectDocumented(missing, 'PUT', '/support-users/{id}/role');

  const res = await admin.put(url, { data: { role: 'support_system_admin' }, headers: { 'If-Match': `"${user.version}"` } });
  const changed = await expectDocumented(res, 'PUT', '/support-users/{id}/role');
  expect(res.status()).toBe(200);
  expect(changed.role).toBe('support_system_admin');
  expect(changed.version).toBeGreaterThan(user.version);
  expect(etagOf(res)).toBe(`"${changed.version}"`);

  const stale = await admin.put(url, { data: { role: 'customer_support_admin' }, headers: { 'If-Match': `"${user.version}"` } });
  await expectProblem(stale, 412, problemTypes.preconditionFailed);
  await expectDocumented(stale, 'PUT', '/support-users/{id}/role');
  const unknown = await admin.put(url, { data: { role: 'owner' }, headers: { 'If-Match': etagOf(res) } });
  expect((await expectProblem(unknown, 400, problemTypes.validation)).errors[0]).toMatchObject({ field: 'role', code: 'unknown_role' });

  const same = await admin.put(url, { data: { role: 'support_system_admin' }, headers: { 'If-Match': etagOf(res) } });
  expect(same.status()).toBe(200);
  expect((await same.json()).version).toBe(changed.version);

  const log = await expectDocumented(await admin.get(`${API}/audit-log?action=role_changed&q=${encodeURIComponent(user.email)}`), 'GET', '/audit-log');
  expect(log.items).toHaveLength(1);
  expect(log.items[0].before.role).toBe('customer_support_admin');
  expect(log.items[0].after.role).toBe('support_system_admin');
  await admin.dispose();
});

test('nobody removes themselves and the last active system administrator stays', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const me = await admin.get(`${API}/support-users/${await myId(admin)}`);
  const self = await expectDocumented(me, 'GET', '/support-users/{id}');
  const removal = await admin.delete(`${API}/support-users/${self.id}`, { headers: { 'If-Match': etagOf(me) } });
  await expectProblem(removal, 409, problemTypes.selfRemoval);
  await expectDocumented(removal, 'DELETE', '/support-users/{id}');

  // Only when the caller is the organisation's one active system administrator: otherwise
  // stepping down would be allowed, and would take this account's rights away.
  const active = await (await admin.get(`${API}/support-users?role=support_system_admin&status=active&limit=200`)).json();
  if (active.items.length === 1 && active.items[0].id === self.id) {
    const demote = await admin.put(`${API}/support-users/${self.id}/role`, { data: { role: 'customer_support_admin' }, headers: { 'If-Match': etagOf(me) } });
    await expectProblem(demote, 409, problemTypes.lastSystemAdmin);
    await expectDocumented(demote, 'PUT', '/support-users/{id}/role');
  }
  const after = await (await admin.get(`${API}/support-users/${self.id}`)).json();
  expect(after).toMatchObject({ status: 'active', role: 'support_system_admin' });
  await admin.dispose();
});

test('a removed user keeps their record, and removing twice is a conflict', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const user = await createUser(admin);
  const url = `${API}/support-users/${user.id}`;
  const missing = await admin.delete(url);
  expect(missing.status()).toBe(428);
  const stale = await admin.delete(url, { headers: { 'If-Match': `"${user.version + 10}"` } });
  await expectProblem(stale, 412, problemTypes.preconditionFailed);

  const res = await admin.delete(url, { headers: { 'If-Match': `"${user.version}"` } });
  const removed = await expectDocumented(res, 'DELETE', '/support-users/{id}');
  expect(res.status()).toBe(200);
  expect(removed).toMatchObject({ status: 'removed', role: 'customer_support_admin' });
  const again = await admin.delete(url, { headers: { 'If-Match': etagOf(res) } });
  await expectProblem(again, 409, problemTypes.conflict);
  await expectDocumented(again, 'DELETE', '/support-users/{id}');
  const role = await admin.put(`${url}/role`, { data: { role: 'support_system_admin' }, headers: { 'If-Match': etagOf(res) } });
  await expectProblem(role, 409, problemTypes.conflict);

  const current = await (await admin.get(`${API}/support-users?q=${encodeURIComponent(user.email)}`)).json();
  expect(current.items).toEqual([]);
  const all = await (await admin.get(`${API}/support-users?status=removed&q=${encodeURIComponent(user.email)}`)).json();
  expect(all.items.map((u: any) => u.id)).toEqual([user.id]);
  await admin.dispose();
});

test('removing a signed-in user ends their session at once', async () => {
  test.skip(!liveMailDir(), 'needs the mail directory of the reference backend to accept an invitation');
  const admin = await signedIn(accounts.systemAdmin);
  const user = await activeUser(admin);
  const them = await signedIn(user);
  expect((await them.get(`${API}/session`)).status()).toBe(200);
  const read = await admin.get(`${API}/support-users/${user.id}`);
  expect((await read.json()).status).toBe('active');
  const res = await admin.delete(`${API}/support-users/${user.id}`, { headers: { 'If-Match': etagOf(read) } });
  expect(res.status()).toBe(200);
  await expectProblem(await them.get(`${API}/session`), 401, problemTypes.unauthenticated);
  const anon = await anonymous();
  await expectProblem(await anon.post(`${API}/session`, { data: { email: user.email, password: user.password } }), 401, problemTypes.invalidCredentials);
  for (const ctx of [them, anon, admin]) await ctx.dispose();
});

test('a review decision covers many users, is recorded, and is all or nothing', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const a = await createUser(admin);
  const b = await createUser(admin);
  const res = await admin.post(`${API}/support-users/reviews`, { data: { user_ids: [a.id, b.id], decision: 'validated' } });
  const reviewed = await expectDocumented(res, 'POST', '/support-users/reviews');
  expect(reviewed.map((u: any) => [u.id, u.validation.state])).toEqual([[a.id, 'validated'], [b.id, 'validated']]);
  expect(reviewed[0].validation.by.name).toBe(accounts.systemAdmin.name);
  expect(reviewed[0].version).toBeGreaterThan(a.version);

  const noReason = await admin.post(`${API}/support-users/reviews`, { data: { user_ids: [a.id], decision: 'flagged' } });
  expect((await expectProblem(noReason, 400, problemTypes.validation)).errors[0]).toMatchObject({ field: 'reason', code: 'required' });
  const flagged = await (await admin.post(`${API}/support-users/reviews`, { data: { user_ids: [a.id], decision: 'flagged', reason: 'Left the team' } })).json();
  expect(flagged[0].validation).toMatchObject({ state: 'flagged', reason: 'Left the team' });

  const other = await signedIn(accounts.otherOrgAdmin);
  const foreign = await myId(other);
  await other.dispose();
  const before = await (await admin.get(`${API}/support-users/${b.id}`)).json();
  for (const stranger of [foreign, 'usr_does_not_exist']) {
    const mixed = await admin.post(`${API}/support-users/reviews`, { data: { user_ids: [b.id, stranger], decision: 'flagged', reason: 'x' } });
    const problem = await expectProblem(mixed, 400, problemTypes.validation);
    await expectDocumented(mixed, 'POST', '/support-users/reviews');
    expect(problem.errors[0]).toMatchObject({ field: 'user_ids', code: 'unknown_user' });
  }
  const after = await (await admin.get(`${API}/support-users/${b.id}`)).json();
  expect(after).toEqual(before);

  const records = await expectDocumented(await admin.get(`${API}/support-users/${a.id}/reviews`), 'GET', '/support-users/{id}/reviews');
  expect(records.map((r: any) => r.decision)).toEqual(['flagged', 'validated']);
  expect(records[0]).toMatchObject({ reason: 'Left the team', by: { name: accounts.systemAdmin.name } });
  const log = await (await admin.get(`${API}/audit-log?q=${encodeURIComponent(a.email)}`)).json();
  expect(log.items.map((e: any) => e.action)).toEqual(['user_flagged', 'user_validated', 'user_created']);
  expect(log.items[0].after).toMatchObject({ validation: 'flagged', reason: 'Left the team' });
  const queue = await (await admin.get(`${API}/support-users?validation=flagged&q=${encodeURIComponent(a.email)}`)).json();
  expect(queue.items.map((u: any) => u.id)).toEqual([a.id]);
  await admin.dispose();
});
