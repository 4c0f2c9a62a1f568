// Roles: what each one may see, enforced by the backend, and organisations kept apart.
import { test, expect } from '@playwright/test';
import { API, accounts, anonymous, expectDocumented, expectProblem, problemTypes, signedIn } from './contract';

test('the session capabilities follow the role table of the portal configuration', async () => {
  const anon = await anonymous();
  const portal = await (await anon.get(`${API}/portal`)).json();
  const table = new Map<string | null, string[]>(portal.roles.map((r: any) => [r.role, r.capabilities]));
  for (const account of [accounts.systemAdmin, accounts.supportAdmin, accounts.member]) {
    const ctx = await signedIn(account);
    const session = await expectDocumented(await ctx.get(`${API}/session`), 'GET', '/session');
    expect([...session.capabilities].sort(), account.email).toEqual([...table.get(session.user.role)!].sort());
    await ctx.dispose();
  }
  await anon.dispose();
});

test('each role gets the capabilities the product promises', async () => {
  const caps = async (account: { email: string; password: string }) => {
    const ctx = await signedIn(account);
    const session = await (await ctx.get(`${API}/session`)).json();
    await ctx.dispose();
    return { role: session.user.role, capabilities: session.capabilities as string[] };
  };
  const admin = await caps(accounts.systemAdmin);
  expect(admin.role).toBe('support_system_admin');
  expect(admin.capabilities).toEqual(expect.arrayContaining(['manage_users', 'review_users', 'manage_cases', 'chat', 'view_history', 'browse_help']));

  const support = await caps(accounts.supportAdmin);
  expect(support.role).toBe('customer_support_admin');
  expect(support.capabilities).toEqual(expect.arrayContaining(['manage_cases', 'chat', 'view_history', 'browse_help']));
  expect(support.capabilities).not.toContain('manage_users');
  expect(support.capabilities).not.toContain('review_users');

  const member = await caps(accounts.member);
  expect(member.role).toBeNull();
  expect(member.capabilities).toEqual(['browse_help']);
});

test('only the support system administrator may list support users', async () => {
  const anon = await anonymous();
  const signedOut = await anon.get(`${API}/support-users`);
  await expectProblem(signedOut, 401, problemTypes.unauthenticated);
  await expectDocumented(signedOut, 'GET', '/support-users');
  await anon.dispose();

  for (const account of [accounts.member, accounts.supportAdmin]) {
    const ctx = await signedIn(account);
    const res = await ctx.get(`${API}/support-users`);
    await expectProblem(res, 403, problemTypes.forbidden);
    await expectDocumented(res, 'GET', '/support-users');
    await ctx.dispose();
  }

  const admin = await signedIn(accounts.systemAdmin);
  const page = await expectDocumented(await admin.get(`${API}/support-users`), 'GET', '/support-users');
  const emails = page.items.map((u: any) => u.email);
  expect(emails).toContain(accounts.systemAdmin.email);
  expect(emails).toContain(accounts.supportAdmin.email);
  expect(emails, 'members without a support role are not support users').not.toContain(accounts.member.email);
  await admin.dispose();
});

test('support users page through an opaque cursor without gaps or repeats', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const before = await (await admin.get(`${API}/support-users?limit=200`)).json();
  const seen: any[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 500; i++) {
    const query = cursor ? `limit=1&cursor=${encodeURIComponent(cursor)}` : 'limit=1';
    const page = await expectDocumented(await admin.get(`${API}/support-users?${query}`), 'GET', '/support-users');
    expect(page.items.length).toBeLessThanOrEqual(1);
    seen.push(...page.items);
    cursor = page.next_cursor ?? undefined;
    if (!cursor) break;
  }
  // Other tests create support users meanwhile (the backend is shared): whoever was there
  // before and still is must have been seen once, in name order.
  const after = await (await admin.get(`${API}/support-users?limit=200`)).json();
  const stayed = new Set(after.items.map((u: any) => u.id));
  const ids = seen.map((u) => u.id);
  expect(new Set(ids).size, 'no repeats').toBe(ids.length);
  for (const u of before.items.filter((u: any) => stayed.has(u.id))) expect(ids, u.name).toContain(u.id);
  const keys = seen.map((u) => u.name.toLowerCase());
  expect(keys, 'sorted by name').toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

  for (const query of ['limit=0', 'limit=100000', 'limit=abc', 'cursor=not-a-cursor']) {
    const res = await admin.get(`${API}/support-users?${query}`);
    await expectProblem(res, 400, problemTypes.validation);
  }
  await admin.dispose();
});

test('a member sees whom to ask for support access', async () => {
  const ctx = await signedIn(accounts.member);
  const contacts = await expectDocumented(await ctx.get(`${API}/support-contacts`), 'GET', '/support-contacts');
  const emails = contacts.map((c: any) => c.email);
  expect(emails).toContain(accounts.systemAdmin.email);
  expect(emails).not.toContain(accounts.member.email);
  // System administrators come first: they are the ones who grant access.
  expect(contacts[0].role).toBe('support_system_admin');
  await ctx.dispose();

  const anon = await anonymous();
  await expectProblem(await anon.get(`${API}/support-contacts`), 401, problemTypes.unauthenticated);
  await anon.dispose();
});

test("organisations never see each other's people", async () => {
  const northwindEmails = [accounts.systemAdmin.email, accounts.supportAdmin.email, accounts.member.email];
  const other = await signedIn(accounts.otherOrgAdmin);
  const otherSession = await (await other.get(`${API}/session`)).json();
  const contacts = await (await other.get(`${API}/support-contacts`)).json();
  const users = await (await other.get(`${API}/support-users?limit=200`)).json();
  for (const email of northwindEmails) {
    expect(contacts.map((c: any) => c.email)).not.toContain(email);
    expect(users.items.map((u: any) => u.email)).not.toContain(email);
  }
  expect(users.items.map((u: any) => u.email)).toContain(accounts.otherOrgAdmin.email);
  await other.dispose();

  const admin = await signedIn(accounts.systemAdmin);
  const session = await (await admin.get(`${API}/session`)).json();
  expect(session.organisation.id).not.toBe(otherSession.organisation.id);
  const mine = await (await admin.get(`${API}/support-users?limit=200`)).json();
  const mineContacts = await (await admin.get(`${API}/support-contacts`)).json();
  expect(mine.items.map((u: any) => u.email)).not.toContain(accounts.otherOrgAdmin.email);
  expect(mineContacts.map((c: any) => c.email)).not.toContain(accounts.otherOrgAdmin.email);
  await admin.dispose();
});
