// Support users: the list, creating, reading, the duplicate rule, and who may do it.
import { test, expect } from '@playwright/test';
import { API, accounts, anonymous, expectDocumented, expectProblem, problemTypes, signedIn } from './contract';
import { createUser, etagOf, myId, uniqueEmail } from './users';
import { liveMailDir, mailsTo, invitationLink } from '../support/mail';

test('a created support user is invited, readable and listed', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const email = uniqueEmail('Created');
  const res = await admin.post(`${API}/support-users`, { data: { email: ` ${email} `, name: ' Ana Ruiz ', role: 'customer_support_admin' } });
  const user = await expectDocumented(res, 'POST', '/support-users');
  expect(res.status()).toBe(201);
  expect(user.email).toBe(email.toLowerCase());
  expect(user.name).toBe('Ana Ruiz');
  expect(user.status).toBe('invited');
  expect(user.role).toBe('customer_support_admin');
  expect(user.validation.state).toBe('pending');
  expect(user.created_by?.name).toBe(accounts.systemAdmin.name);
  expect(res.headers()['location']).toContain(user.id);
  expect(etagOf(res)).toBe(`"${user.version}"`);

  const read = await admin.get(`${API}/support-users/${user.id}`);
  expect(await expectDocumented(read, 'GET', '/support-users/{id}')).toEqual(user);
  expect(etagOf(read)).toBe(`"${user.version}"`);

  const found = await expectDocumented(await admin.get(`${API}/support-users?q=${encodeURIComponent(email.slice(0, 20).toUpperCase())}`), 'GET', '/support-users');
  expect(found.items.map((u: any) => u.id)).toEqual([user.id]);
  const invited = await (await admin.get(`${API}/support-users?status=invited&role=customer_support_admin&limit=200&q=${encodeURIComponent(email)}`)).json();
  expect(invited.items.map((u: any) => u.id)).toEqual([user.id]);
  const none = await (await admin.get(`${API}/support-users?status=active&q=${encodeURIComponent(email)}`)).json();
  expect(none.items).toEqual([]);

  const dir = liveMailDir();
  if (dir) {
    const [invitation] = mailsTo(dir, email);
    expect(invitationLink(invitation)).toMatch(/\/set-password#token=[A-Za-z0-9_-]{43,}$/);
    // Both administrator roles are told.
    for (const to of [accounts.systemAdmin.email, accounts.supportAdmin.email]) {
      const note = mailsTo(dir, to).find((m) => m.body.includes(`<${email.toLowerCase()}>`));
      expect(note, `notification to ${to}`).toBeTruthy();
      expect(note!.body).toContain(`Ana Ruiz <${email.toLowerCase()}> was created as Customer Support Administrator by ${accounts.systemAdmin.name}`);
    }
  }
  await admin.dispose();
});

test('new users are checked field by field and an existing email is a duplicate', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const bad = await admin.post(`${API}/support-users`, { data: { email: 'not-an-email', name: ' ', role: 'owner' } });
  const problem = await expectProblem(bad, 400, problemTypes.validation);
  await expectDocumented(bad, 'POST', '/support-users');
  expect(problem.errors.map((e: any) => `${e.field}:${e.code}`)).toEqual(
    expect.arrayContaining(['email:invalid_email', 'name:required', 'role:unknown_role']),
  );
  const long = await admin.post(`${API}/support-users`, { data: { email: uniqueEmail(), name: 'x'.repeat(121), role: 'customer_support_admin' } });
  expect((await expectProblem(long, 400, problemTypes.validation)).errors[0]).toMatchObject({ field: 'name', code: 'too_long' });

  const created = await createUser(admin);
  for (const email of [created.email.toUpperCase(), accounts.supportAdmin.email]) {
    const dup = await admin.post(`${API}/support-users`, { data: { email, name: 'Someone', role: 'customer_support_admin' } });
    await expectProblem(dup, 409, problemTypes.duplicateUser);
    await expectDocumented(dup, 'POST', '/support-users');
  }
  await admin.dispose();
});

test('someone of another organisation gets an account in this one too, once', async () => {
  // A person may belong to several organisations: each has its own account of them.
  const other = await signedIn(accounts.otherOrgAdmin);
  const theirs = await createUser(other);
  await other.dispose();
  const admin = await signedIn(accounts.systemAdmin);
  const res = await admin.post(`${API}/support-users`, { data: { email: theirs.email, name: 'Known Elsewhere', role: 'customer_support_admin' } });
  const mine = await expectDocumented(res, 'POST', '/support-users');
  expect(res.status()).toBe(201);
  expect(mine.id, "this organisation's own account of them").not.toBe(theirs.id);
  expect(mine).toMatchObject({ email: theirs.email, name: 'Known Elsewhere', status: 'invited' });
  const dup = await admin.post(`${API}/support-users`, { data: { email: theirs.email.toUpperCase(), name: 'Again', role: 'customer_support_admin' } });
  await expectProblem(dup, 409, problemTypes.duplicateUser);
  await admin.dispose();
});

test('the list filters, sorts and pages through an opaque cursor', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const tag = `sort-${Date.now()}`;
  const made = [];
  for (const name of ['Carla', 'alba', 'Bruno']) {
    made.push(await createUser(admin, { name: `${name} ${tag}`, email: uniqueEmail(`${name.toLowerCase()}-${tag}`) }));
  }
  const names = async (query: string) =>
    (await expectDocumented(await admin.get(`${API}/support-users?q=${tag}&${query}`), 'GET', '/support-users')).items.map((u: any) => u.name.split(' ')[0]);
  expect(await names('sort=name')).toEqual(['alba', 'Bruno', 'Carla']);
  expect(await names('sort=-name')).toEqual(['Carla', 'Bruno', 'alba']);
  expect(await names('sort=email')).toEqual(['alba', 'Bruno', 'Carla']);
  expect(await names('sort=-created')).toHaveLength(3);

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: any = await expectDocumented(await admin.get(`${API}/support-users?q=${tag}&sort=-name&limit=2${query}`), 'GET', '/support-users');
    seen.push(...page.items.map((u: any) => u.id));
    cursor = page.next_cursor;
  } while (cursor);
  expect(seen).toEqual([made[0].id, made[2].id, made[1].id]);

  for (const query of ['role=owner', 'status=gone', 'validation=maybe', 'sort=age', 'limit=201']) {
    const res = await admin.get(`${API}/support-users?${query}`);
    await expectProblem(res, 400, problemTypes.validation);
    await expectDocumented(res, 'GET', '/support-users');
  }
  const counts = await expectDocumented(await admin.get(`${API}/support-users/counts`), 'GET', '/support-users/counts');
  expect(counts.support_system_admins).toBeGreaterThanOrEqual(1);
  expect(counts.invited).toBeGreaterThanOrEqual(3);
  await admin.dispose();
});

test('support-user administration is refused to other roles and signed-out clients', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const target = await createUser(admin);
  await admin.dispose();
  const calls: [string, string, string, Record<string, unknown>][] = [
    ['GET', '/support-users', '/support-users', {}],
    ['GET', '/support-users/counts', '/support-users/counts', {}],
    ['POST', '/support-users', '/support-users', { data: { email: uniqueEmail(), name: 'X', role: 'customer_support_admin' } }],
    ['GET', `/support-users/${target.id}`, '/support-users/{id}', {}],
    ['GET', `/support-users/${target.id}/reviews`, '/support-users/{id}/reviews', {}],
    ['PUT', `/support-users/${target.id}/role`, '/support-users/{id}/role', { data: { role: 'support_system_admin' }, headers: { 'If-Match': `"${target.version}"` } }],
    ['DELETE', `/support-users/${target.id}`, '/support-users/{id}', { headers: { 'If-Match': `"${target.version}"` } }],
    ['POST', '/support-users/reviews', '/support-users/reviews', { data: { user_ids: [target.id], decision: 'validated' } }],
    ['POST', '/support-users/import', '/support-users/import', { data: 'email,name,role\n', headers: { 'Content-Type': 'text/csv' } }],
    ['GET', '/audit-log', '/audit-log', {}],
    ['GET', '/audit-log/export', '/audit-log/export', {}],
  ];
  const anon = await anonymous();
  const others = [await signedIn(accounts.supportAdmin), await signedIn(accounts.member)];
  for (const [method, path, documented, options] of calls) {
    const out = await anon.fetch(`${API}${path}`, { method, ...options });
    await expectProblem(out, 401, problemTypes.unauthenticated);
    await expectDocumented(out, method, documented);
    for (const ctx of others) {
      const res = await ctx.fetch(`${API}${path}`, { method, ...options });
      await expectProblem(res, 403, problemTypes.forbidden);
      await expectDocumented(res, method, documented);
    }
  }
  for (const ctx of [anon, ...others]) await ctx.dispose();
  const again = await signedIn(accounts.systemAdmin);
  const still = await (await again.get(`${API}/support-users/${target.id}`)).json();
  expect(still.version).toBe(target.version);
  await again.dispose();
});

test("another organisation's support users and members are not found", async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const target = await createUser(admin);
  const member = await signedIn(accounts.member);
  const memberId = await myId(member);
  await member.dispose();
  // A member without a support role is no support user.
  await expectProblem(await admin.get(`${API}/support-users/${memberId}`), 404, problemTypes.notFound);
  await admin.dispose();

  const other = await signedIn(accounts.otherOrgAdmin);
  const cases: [string, string, string, Record<string, unknown>][] = [
    ['GET', `/support-users/${target.id}`, '/support-users/{id}', {}],
    ['GET', `/support-users/${target.id}/reviews`, '/support-users/{id}/reviews', {}],
    ['PUT', `/support-users/${target.id}/role`, '/support-users/{id}/role', { data: { role: 'support_system_admin' }, headers: { 'If-Match': `"${target.version}"` } }],
    ['DELETE', `/support-users/${target.id}`, '/support-users/{id}', { headers: { 'If-Match': `"${target.version}"` } }],
  ];
  for (const [method, path, documented, options] of cases) {
    const res = await other.fetch(`${API}${path}`, { method, ...options });
    await expectProblem(res, 404, problemTypes.notFound);
    await expectDocumented(res, method, documented);
  }
  const review = await other.post(`${API}/support-users/reviews`, { data: { user_ids: [target.id], decision: 'validated' } });
  const problem = await expectProblem(review, 400, problemTypes.validation);
  expect(problem.errors[0]).toMatchObject({ field: 'user_ids', code: 'unknown_user' });
  const list = await (await other.get(`${API}/support-users?status=all&limit=200&q=${encodeURIComponent(target.email)}`)).json();
  expect(list.items).toEqual([]);
  await other.dispose();
});
