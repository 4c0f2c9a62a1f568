// "Get started" learning material: the items meant for each role in the reader's language, and
// each user's own completion. The backend is shared: a check that marks an item done undoes it.
import { test, expect } from '@playwright/test';
import { API, accounts, anonymous, expectDocumented, expectProblem, problemTypes, signedIn } from './contract';

test('every role gets its items in its language, each leading where its kind says', async () => {
  const member = await signedIn(accounts.member);
  const theirs = await expectDocumented(await member.get(`${API}/learning?lang=es`), 'GET', '/learning');
  expect(theirs.items.length).toBeGreaterThan(0);
  expect(theirs.progress.total).toBe(theirs.items.length);
  for (const item of theirs.items) {
    expect(item.audience, item.id).toBe('everyone');
    expect(['es', 'en'], item.id).toContain(item.language);
  }
  const admin = await signedIn(accounts.supportAdmin);
  const all = await expectDocumented(await admin.get(`${API}/learning?lang=fr`), 'GET', '/learning');
  const ids = all.items.map((i: any) => i.id);
  for (const item of theirs.items) expect(ids, 'support roles get every item for everyone').toContain(item.id);
  for (const item of all.items) {
    const target = { guide: 'path', video: 'url', article: 'article_slug' }[item.kind as string];
    for (const key of ['path', 'url', 'article_slug']) {
      expect(item[key] !== null, `${item.id}.${key}`).toBe(key === target);
    }
    if (item.kind === 'guide') expect(item.path).toMatch(/^\/[^/]/);
    if (item.kind === 'video') expect(item.url).toMatch(/^https:\/\//);
  }
  await member.dispose();
  await admin.dispose();
});

test('marking an item done is idempotent, moves only the caller\'s progress, and is undone', async () => {
  const me = await signedIn(accounts.supportAdmin);
  const before = await (await me.get(`${API}/learning`)).json();
  const item = before.items.find((i: any) => i.done_at === null && i.audience === 'everyone');
  expect(item, 'an item not done yet').toBeTruthy();
  const path = `/learning/${item.id}/done`;
  const colleague = await signedIn(accounts.systemAdmin);
  const other = await signedIn(accounts.otherOrgAdmin);
  const theirsBefore = await Promise.all([colleague, other].map(async (c) => (await c.get(`${API}/learning`)).json()));
  try {
    const done = await expectDocumented(await me.put(`${API}${path}`), 'PUT', '/learning/{id}/done');
    expect(done).toMatchObject({ id: item.id, progress: { done: before.progress.done + 1, total: before.progress.total } });
    expect(Date.parse(done.done_at)).not.toBeNaN();
    const again = await (await me.put(`${API}${path}`)).json();
    expect(again.done_at, 'marking twice keeps the first time').toBe(done.done_at);
    expect(again.progress.done).toBe(done.progress.done);
    const listed = await (await me.get(`${API}/learning`)).json();
    expect(listed.items.find((i: any) => i.id === item.id).done_at).toBe(done.done_at);

    for (const [i, ctx] of [colleague, other].entries()) {
      const theirs = await (await ctx.get(`${API}/learning`)).json();
      expect(theirs.items.find((x: any) => x.id === item.id).done_at, 'another user\'s item is not done').toBe(theirsBefore[i].items.find((x: any) => x.id === item.id).done_at);
      expect(theirs.progress.done).toBe(theirsBefore[i].progress.done);
    }
  } finally {
    const undone = await me.delete(`${API}${path}`);
    const body = await expectDocumented(undone, 'DELETE', '/learning/{id}/done');
    expect(body).toMatchObject({ id: item.id, done_at: null, progress: before.progress });
  }
  // Not done stays not done.
  expect((await me.delete(`${API}${path}`)).status()).toBe(200);
  await Promise.all([me, colleague, other].map((c) => c.dispose()));
});

test('items not meant for the caller or unknown are not found, and the signed-out must sign in', async () => {
  const admin = await signedIn(accounts.supportAdmin);
  const member = await signedIn(accounts.member);
  const all = (await (await admin.get(`${API}/learning`)).json()).items.map((i: any) => i.id);
  const theirs = (await (await member.get(`${API}/learning`)).json()).items.map((i: any) => i.id);
  const notForMembers = all.find((id: string) => !theirs.includes(id));
  expect(notForMembers, 'the seed has items for the support roles only').toBeTruthy();
  const refused = await member.put(`${API}/learning/${notForMembers}/done`);
  await expectProblem(refused, 404, problemTypes.notFound);
  await expectDocumented(refused, 'PUT', '/learning/{id}/done');
  await expectProblem(await member.put(`${API}/learning/no-such-item/done`), 404, problemTypes.notFound);
  const badLanguage = await member.get(`${API}/learning?lang=de`);
  await expectProblem(badLanguage, 400, problemTypes.validation);
  await expectDocumented(badLanguage, 'GET', '/learning');
  const nobody = await anonymous();
  const anon = await nobody.get(`${API}/learning`);
  await expectProblem(anon, 401, problemTypes.unauthenticated);
  await expectDocumented(anon, 'GET', '/learning');
  await expectProblem(await nobody.put(`${API}/learning/${all[0]}/done`), 401, problemTypes.unauthenticated);
  await Promise.all([admin, member, nobody].map((c) => c.dispose()));
});
