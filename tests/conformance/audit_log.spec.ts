// The audit log: newest first, filtered, paged, and exported as spreadsheet-safe CSV.
import { randomUUID } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { API, accounts, expectDocumented, expectProblem, expectSchema, problemTypes, signedIn } from './contract';
import { createUser, myId } from './users';

test('the audit log lists changes newest first, filtered and paged', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const tag = randomUUID().slice(0, 8);
  const a = await createUser(admin, { name: `Audit A ${tag}` });
  const b = await createUser(admin, { name: `Audit B ${tag}` });
  await admin.post(`${API}/support-users/reviews`, { data: { user_ids: [a.id], decision: 'validated' } });

  const page = await expectDocumented(await admin.get(`${API}/audit-log?q=${tag}`), 'GET', '/audit-log');
  expect(page.items.map((e: any) => [e.action, e.target.id])).toEqual([
    ['user_validated', a.id],
    ['user_created', b.id],
    ['user_created', a.id],
  ]);
  const entry = page.items[2];
  expect(entry.actor).toMatchObject({ name: accounts.systemAdmin.name, email: accounts.systemAdmin.email });
  expect(entry.after).toMatchObject({ role: 'customer_support_admin', status: 'invited' });
  for (const e of page.items) expectSchema(e, 'AuditEntry');

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const p: any = await expectDocumented(await admin.get(`${API}/audit-log?q=${tag}&limit=1${query}`), 'GET', '/audit-log');
    seen.push(...p.items.map((e: any) => e.id));
    cursor = p.next_cursor;
  } while (cursor);
  expect(seen).toEqual(page.items.map((e: any) => e.id));

  const mine = await myId(admin);
  const byAction = await (await admin.get(`${API}/audit-log?q=${tag}&action=user_created&actor=${mine}`)).json();
  expect(byAction.items).toHaveLength(2);
  const today = new Date().toISOString().slice(0, 10);
  const dated = await (await admin.get(`${API}/audit-log?q=${tag}&from=${today}&to=${today}`)).json();
  expect(dated.items.length).toBeGreaterThanOrEqual(1);
  const past = await (await admin.get(`${API}/audit-log?q=${tag}&to=2000-01-01`)).json();
  expect(past.items).toEqual([]);
  for (const query of ['action=deleted', 'from=yesterday', 'limit=0', 'cursor=not-a-cursor']) {
    const res = await admin.get(`${API}/audit-log?${query}`);
    await expectProblem(res, 400, problemTypes.validation);
    await expectDocumented(res, 'GET', '/audit-log');
  }
  await admin.dispose();

  const other = await signedIn(accounts.otherOrgAdmin);
  const theirs = await (await other.get(`${API}/audit-log?q=${tag}`)).json();
  expect(theirs.items, "another organisation's log").toEqual([]);
  await other.dispose();
});

test('the audit log exports as CSV with a byte-order mark, either separator, formulas neutralised', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const tag = randomUUID().slice(0, 8);
  await createUser(admin, { name: `=HYPERLINK("x"), Eve ${tag}` });
  const res = await admin.get(`${API}/audit-log/export?q=${tag}`);
  const text = await expectDocumented(res, 'GET', '/audit-log/export');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^text\/csv; ?charset=utf-8$/i);
  expect(res.headers()['content-disposition']).toBe('attachment; filename="audit-log.csv"');
  const bytes = await res.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').replace(/^\ufeff/, '').split('\r\n');
  expect(lines[0]).toBe('at,actor_name,actor_email,action,target_name,target_email,role_before,role_after,status_before,status_after,validation_before,validation_after,reason,rows');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(`,user_created,"'=HYPERLINK(""x""), Eve ${tag}",`);
  expect(typeof text).toBe('string');

  const semi = await admin.get(`${API}/audit-log/export?q=${tag}&separator=semicolon`);
  const semiText = (await semi.body()).toString('utf8').replace(/^\ufeff/, '');
  expect(semiText.split('\r\n')[0]).toMatch(/^at;actor_name;actor_email;action;/);
  expect(semiText).toContain(`;user_created;"'=HYPERLINK(""x""), Eve ${tag}";`);
  const bad = await admin.get(`${API}/audit-log/export?separator=tab`);
  await expectProblem(bad, 400, problemTypes.validation);
  await expectDocumented(bad, 'GET', '/audit-log/export');
  await admin.dispose();
});
