// The home page's answers: what needs each role (`GET /home`) and the current announcements,
// which the vendor publishes through the agent API. The backend is shared: every check finds
// its own rows by id or title rather than counting everything.
import { test, expect, type APIRequestContext } from '@playwright/test';
import {
  AGENT, API, accounts, agentClient, anonymous, expectDocumented, expectProblem, externalBackend, fileCase,
  problemTypes, signedIn, uniqueKey,
} from './contract';

test('a case support asks about is listed as awaiting the customer\'s reply, for them only', async () => {
  const me = await signedIn(accounts.supportAdmin);
  const filed = await fileCase(me);
  const agent = await agentClient();
  expect((await agent.post(`${AGENT}/cases/${filed.id}/comments`, { data: { body: 'Which report suite?' } })).ok()).toBe(true);
  expect((await agent.post(`${AGENT}/cases/${filed.id}/status`, { data: { status: 'awaiting_your_reply' } })).ok()).toBe(true);

  const home = await expectDocumented(await me.get(`${API}/home`), 'GET', '/home');
  const cases = home.cases;
  expect(cases.awaiting.map((c: any) => c.id)).toContain(filed.id);
  expect(cases.awaiting.length).toBeLessThanOrEqual(5);
  expect(cases.awaiting_your_reply).toBeGreaterThanOrEqual(cases.awaiting.length);
  expect(cases.open).toBeGreaterThanOrEqual(cases.awaiting_your_reply);
  for (const c of cases.awaiting) expect(c.status).toBe('awaiting_your_reply');
  const updated = cases.awaiting.map((c: any) => Date.parse(c.updated_at));
  expect(updated.every((t: number, i: number) => i === 0 || updated[i - 1] >= t), 'most recently updated first').toBe(true);
  expect(home.callbacks_waiting).toBeGreaterThanOrEqual(0);
  expect(home.support_users, 'only the Support System Administrator gets support-user counts').toBeNull();
  expect(home.support_admins, 'only a member needs whom to ask for access').toBeNull();

  const contoso = await signedIn(accounts.otherOrgAdmin);
  const theirs = await expectDocumented(await contoso.get(`${API}/home`), 'GET', '/home');
  expect(JSON.stringify(theirs)).not.toContain(filed.id);
  await Promise.all([me, agent, contoso].map((c) => c.dispose()));
});

/**
 * Whether `part` of the caller's home answer is what `path` answers, read just before and just
 * after it: other checks add support users meanwhile, so a pair of reads that differ is tried
 * again (three times at most).
 */
async function homeMatches(client: APIRequestContext, path: string, part: (home: any) => unknown): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await (await client.get(`${API}${path}`)).json();
    const home = await expectDocumented(await client.get(`${API}/home`), 'GET', '/home');
    const after = await (await client.get(`${API}${path}`)).json();
    if (JSON.stringify(before) === JSON.stringify(after)) {
      expect(part(home)).toEqual(before);
      return true;
    }
  }
  return false;
}

test('a member gets nothing to do, the system administrator the support-user counts', async () => {
  const member = await signedIn(accounts.member);
  const theirs = await expectDocumented(await member.get(`${API}/home`), 'GET', '/home');
  expect(theirs).toMatchObject({ cases: null, open_chat: null, callbacks_waiting: null, support_users: null });
  // Instead, whom to ask for support access, as `GET /support-contacts` answers it.
  expect(theirs.support_admins.length).toBeGreaterThan(0);
  expect(await homeMatches(member, '/support-contacts', (h) => h.support_admins), 'the contacts held still for one read').toBe(true);
  // The banner's phase and numbers, as `GET /portal` has them.
  const portal = await (await member.get(`${API}/portal`)).json();
  expect(theirs.phase).toBe(portal.phase);
  expect(theirs.phone_numbers).toEqual(portal.phone_numbers);

  const admin = await signedIn(accounts.systemAdmin);
  expect(await homeMatches(admin, '/support-users/counts', (h) => h.support_users), 'the counts held still for one read').toBe(true);

  const nobody = await anonymous();
  const anon = await nobody.get(`${API}/home`);
  await expectProblem(anon, 401, problemTypes.unauthenticated);
  await expectDocumented(anon, 'GET', '/home');
  await Promise.all([member, admin, nobody].map((c) => c.dispose()));
});

test('only current announcements are shown, the same to every organisation', async () => {
  const agent = await agentClient();
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const titles = { past: `Past ${uniqueKey()}`, future: `Future ${uniqueKey()}` };
  const publish = async (title: string, from: number, until: number | null) => {
    const res = await agent.post(`${AGENT}/announcements`, {
      data: { severity: 'warning', starts_at: iso(from), ends_at: until === null ? null : iso(until), texts: [{ language: 'en', title, body: 'Maintenance.' }] },
    });
    const body = await expectDocumented(res, 'POST', '/announcements', AGENT);
    expect(res.status()).toBe(201);
    expect(body).toMatchObject({ title, severity: 'warning', language: 'en' });
  };
  await publish(titles.past, now - 7_200_000, now - 3_600_000);
  await publish(titles.future, now + 3_600_000, null);

  for (const account of [accounts.member, accounts.otherOrgAdmin]) {
    const ctx = await signedIn(account);
    const res = await ctx.get(`${API}/announcements?lang=fr`);
    const shown = await expectDocumented(res, 'GET', '/announcements');
    if (!externalBackend()) expect(shown.length, 'the seeded announcement').toBeGreaterThan(0);
    const listed = shown.map((a: any) => a.title);
    expect(listed).not.toContain(titles.past);
    expect(listed).not.toContain(titles.future);
    for (const a of shown) {
      expect(Date.parse(a.starts_at)).toBeLessThanOrEqual(Date.now());
      if (a.ends_at) expect(Date.parse(a.ends_at)).toBeGreaterThan(now);
    }
    await ctx.dispose();
  }

  const refused = await agent.post(`${AGENT}/announcements`, { data: { severity: 'info', starts_at: 'soon', texts: [] } });
  const problem = await expectProblem(refused, 400, problemTypes.validation);
  await expectDocumented(refused, 'POST', '/announcements', AGENT);
  expect(problem.errors.map((e: any) => `${e.field}:${e.code}`)).toEqual(['starts_at:invalid_time', 'texts:required']);
  const nobody = await anonymous();
  await expectProblem(await nobody.get(`${API}/announcements`), 401, problemTypes.unauthenticated);
  await Promise.all([agent, nobody].map((c) => c.dispose()));
});

test('the home answer carries the announcements, the learning progress and the popular threads, in the language asked for', async () => {
  const agent = await agentClient();
  const title = `Maintenance ${uniqueKey()}`;
  const published = await agent.post(`${AGENT}/announcements`, {
    data: { severity: 'info', starts_at: new Date(Date.now() - 60_000).toISOString(), texts: [
      { language: 'en', title, body: 'Short.' }, { language: 'es', title: `${title} (es)`, body: 'Breve.' },
    ] },
  });
  expect(published.status()).toBe(201);

  const member = await signedIn(accounts.member);
  const home = await expectDocumented(await member.get(`${API}/home?lang=es`), 'GET', '/home');
  // Other checks publish announcements meanwhile: compare this check's own, as both answers give it.
  const announcements = await (await member.get(`${API}/announcements?lang=es`)).json();
  const mine = (list: any[]) => list.find((a: any) => a.title === `${title} (es)`);
  expect(mine(home.announcements)).toBeTruthy();
  expect(mine(home.announcements)).toEqual(mine(announcements));
  const learning = await (await member.get(`${API}/learning?lang=es`)).json();
  expect(home.learning.progress).toEqual(learning.progress);
  const next = learning.items.find((i: any) => i.done_at === null);
  expect(home.learning.next).toBe(next ? next.title : null);
  const threads = await (await member.get(`${API}/help/forums?lang=es`)).json();
  expect(home.popular_threads).toEqual(threads.slice(0, 5));

  const refused = await member.get(`${API}/home?lang=xx`);
  await expectProblem(refused, 400, problemTypes.validation);
  await expectDocumented(refused, 'GET', '/home');
  await Promise.all([member, agent].map((c) => c.dispose()));
});
