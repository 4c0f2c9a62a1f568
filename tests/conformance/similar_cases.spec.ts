// Similar open cases while a case is written, and following one instead of filing it again.
// The backend is shared: each check files its own case with a word no other test uses.
import { test, expect } from '@playwright/test';
import { API, accounts, expectDocumented, expectProblem, fileCase, problemTypes, signedIn, uniqueKey } from './contract';

test('an open case that shares words with the one being written is offered, and following it makes a watcher', async () => {
  const casey = await signedIn(accounts.supportAdmin);
  const word = `zq${uniqueKey().replace(/[^a-z0-9]/gi, '')}`;
  const filed = await fileCase(casey, { title: `Report suite ${word} stops collecting` });
  const alex = await signedIn(accounts.systemAdmin);
  const res = await alex.get(`${API}/cases/similar?product=analytics&text=${encodeURIComponent(`Our ${word} suite`)}`);
  const found = await expectDocumented(res, 'GET', '/cases/similar');
  expect(found.map((c: any) => c.id)).toContain(filed.id);
  expect(found.find((c: any) => c.id === filed.id).following).toBe(false);

  for (let i = 0; i < 2; i++) {
    const follow = await alex.put(`${API}/cases/${filed.id}/watchers/me`);
    await expectDocumented(follow, 'PUT', '/cases/{id}/watchers/me');
    expect(follow.status()).toBe(204);
  }
  const again = await expectDocumented(await alex.get(`${API}/cases/similar?product=analytics&text=${word}`), 'GET', '/cases/similar');
  expect(again.find((c: any) => c.id === filed.id).following).toBe(true);
  const theCase = await (await alex.get(`${API}/cases/${filed.id}`)).json();
  expect(theCase.watchers.filter((w: any) => w.name === accounts.systemAdmin.name)).toHaveLength(1);
  await casey.dispose();
  await alex.dispose();
});

test('hostile text is only words, the product is required, and others are refused', async () => {
  const alex = await signedIn(accounts.systemAdmin);
  for (const text of ['"', 'NEAR(a b', '*', '-x', '(((', 'a:b']) {
    const res = await alex.get(`${API}/cases/similar?product=target&text=${encodeURIComponent(text)}`);
    expect(res.status(), text).toBe(200);
  }
  const missing = await alex.get(`${API}/cases/similar?text=feed`);
  const problem = await expectProblem(missing, 400, problemTypes.validation);
  await expectDocumented(missing, 'GET', '/cases/similar');
  expect(problem.errors.map((e: any) => `${e.field}:${e.code}`)).toEqual(['product:required']);
  const member = await signedIn(accounts.member);
  await expectProblem(await member.get(`${API}/cases/similar?product=analytics&text=feed`), 403, problemTypes.forbidden);
  const filed = await fileCase(alex);
  const contoso = await signedIn(accounts.otherOrgAdmin);
  await expectProblem(await contoso.put(`${API}/cases/${filed.id}/watchers/me`), 404, problemTypes.notFound);
  await alex.dispose();
  await member.dispose();
  await contoso.dispose();
});
