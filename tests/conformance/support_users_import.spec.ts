// Importing support users from CSV: a dry run, the commit, and a second import of the same file.
import { randomUUID } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { API, accounts, expectDocumented, expectProblem, problemTypes, signedIn } from './contract';
import { uniqueEmail } from './users';
import { liveMailDir, mailsTo, invitationLink } from '../support/mail';

const importUrl = (dryRun?: boolean) => `${API}/support-users/import${dryRun === undefined ? '' : `?dry_run=${dryRun}`}`;
const csv = (text: string | Buffer) => ({ data: text, headers: { 'Content-Type': 'text/csv' } });

test('a dry run reports, the commit creates, and importing again creates nobody', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  const [ana, ben] = [uniqueEmail('import-ana'), uniqueEmail('import-ben')];
  const tag = randomUUID().slice(0, 8);
  // A spreadsheet's export: byte-order mark, semicolons, quotes, CRLF, a blank line.
  const file = [
    '\ufeffRole;EMAIL;name',
    `Customer Support Administrator;${ana.toUpperCase()};"Ruiz; Ana ${tag}"`,
    `support_system_admin;${ben};Ben ${tag}`,
    '',
    `customer_support_admin;${accounts.supportAdmin.email};Casey`,
    `customer_support_admin;${ana};Ana again`,
    `owner;${uniqueEmail()};No Role`,
    'only;two',
  ].join('\r\n');
  const expected = [
    [2, 'created', null],
    [3, 'created', null],
    [5, 'already_exists', null],
    [6, 'invalid', 'duplicate_in_file'],
    [7, 'invalid', 'unknown_role'],
    [8, 'invalid', 'wrong_columns'],
  ];
  const outcomes = (report: any) => report.rows.map((r: any) => [r.line, r.outcome, r.problem ?? null]);

  const dryRes = await admin.post(importUrl(), csv(file));
  const dry = await expectDocumented(dryRes, 'POST', '/support-users/import');
  expect(dryRes.status()).toBe(200);
  expect(dry.dry_run).toBe(true);
  expect(outcomes(dry)).toEqual(expected);
  expect([dry.created, dry.already_exist, dry.invalid]).toEqual([2, 1, 3]);
  expect(dry.rows[0].name).toBe(`Ruiz; Ana ${tag}`);
  const nobody = await (await admin.get(`${API}/support-users?q=${tag}`)).json();
  expect(nobody.items, 'a dry run writes nothing').toEqual([]);

  const done = await expectDocumented(await admin.post(importUrl(false), csv(file)), 'POST', '/support-users/import');
  expect(done.dry_run).toBe(false);
  expect(outcomes(done)).toEqual(expected);
  const created = await (await admin.get(`${API}/support-users?q=${tag}&sort=name`)).json();
  expect(created.items.map((u: any) => [u.email, u.role, u.status])).toEqual([
    [ben, 'support_system_admin', 'invited'],
    [ana, 'customer_support_admin', 'invited'],
  ]);
  const log = await (await admin.get(`${API}/audit-log?action=user_imported&q=${tag}`)).json();
  expect(log.items).toHaveLength(2);

  const again = await expectDocumented(await admin.post(importUrl(false), csv(file)), 'POST', '/support-users/import');
  expect([again.created, again.already_exist]).toEqual([0, 3]);

  const dir = liveMailDir();
  if (dir) {
    for (const email of [ana, ben]) {
      const mails = mailsTo(dir, email);
      expect(mails, email).toHaveLength(1);
      expect(invitationLink(mails[0])).toBeTruthy();
    }
  }
  await admin.dispose();
});

test('an import needs the header row, UTF-8 and a reasonable size', async () => {
  const admin = await signedIn(accounts.systemAdmin);
  for (const [body, code] of [
    [`${uniqueEmail()},Ana,customer_support_admin\n`, 'invalid_header'],
    ['email,name\n', 'invalid_header'],
    [Buffer.from('email,name,role\nz@example.com,Zo\xe9,customer_support_admin\n', 'latin1'), 'not_utf8'],
  ] as [string | Buffer, string][]) {
    const res = await admin.post(importUrl(), csv(body));
    const problem = await expectProblem(res, 400, problemTypes.validation);
    await expectDocumented(res, 'POST', '/support-users/import');
    expect(problem.errors[0]).toMatchObject({ field: 'file', code });
  }
  const rows = ['email,name,role', ...Array.from({ length: 1001 }, (_, i) => `u${i}-${randomUUID()}@example.com,User ${i},customer_support_admin`)];
  const many = await admin.post(importUrl(), csv(rows.join('\n')));
  await expectProblem(many, 413, problemTypes.importTooLarge);
  await expectDocumented(many, 'POST', '/support-users/import');
  const big = await admin.post(importUrl(), csv(`email,name,role\n${'x'.repeat(1024 * 1024)}`));
  await expectProblem(big, 413, problemTypes.importTooLarge);
  await admin.dispose();
});
