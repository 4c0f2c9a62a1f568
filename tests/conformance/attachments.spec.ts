// Attachments: uploaded as the raw file, checked for type and size by the backend, stored with the
// name as data, downloaded only as attachments and only within the organisation.
import { test, expect } from '@playwright/test';
import {
  API, accounts, anonymous, expectDocumented, expectProblem, fileCase, problemTypes, signedIn,
} from './contract';

const upload = (ctx: any, data: Buffer, type: string, name: string) =>
  ctx.post(`${API}/attachments`, { data, headers: { 'Content-Type': type, 'X-File-Name': encodeURIComponent(name) } });

test('an upload is stored under its own id, its name kept as data', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  const name = '../../<script>résumé "q".txt';
  const res = await upload(ctx, Buffer.from('hello attachment'), 'text/plain; charset=utf-8', name);
  const att = await expectDocumented(res, 'POST', '/attachments');
  expect(res.status()).toBe(201);
  expect(att.name).toBe(name);
  expect(att.size).toBe(16);
  expect(att.content_type).toBe('text/plain');
  expect(att.id).not.toContain('..');

  const download = await ctx.get(`${API}/attachments/${att.id}`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('text/plain');
  expect(await download.text()).toBe('hello attachment');
  const disposition = download.headers()['content-disposition'];
  expect(disposition).toMatch(/^attachment;/);
  expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name).replace(/'/g, '%27')}`);
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  await ctx.dispose();
});

test('types off the allow-list and files over the limit are refused', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  for (const type of ['text/html', 'application/x-msdownload', 'image/svg+xml']) {
    const res = await upload(ctx, Buffer.from('<svg onload=alert(1)>'), type, 'x');
    await expectProblem(res, 415, problemTypes.attachmentTypeNotAllowed);
    await expectDocumented(res, 'POST', '/attachments');
  }
  const big = await upload(ctx, Buffer.alloc(25 * 1024 * 1024 + 1), 'application/zip', 'big.zip');
  await expectProblem(big, 413, problemTypes.attachmentTooLarge);
  await expectDocumented(big, 'POST', '/attachments');
  const unnamed = await ctx.post(`${API}/attachments`, { data: Buffer.from('x'), headers: { 'Content-Type': 'text/plain' } });
  await expectProblem(unnamed, 400, problemTypes.validation);
  await ctx.dispose();
});

test('attachments join a case and its thread, and stay within the organisation', async () => {
  const casey = await signedIn(accounts.supportAdmin);
  const alex = await signedIn(accounts.systemAdmin);
  const other = await signedIn(accounts.otherOrgAdmin);
  const first = await (await upload(casey, Buffer.from('{"log":[]}'), 'application/json', 'session.har')).json();
  const second = await (await upload(casey, Buffer.from('a,b\n1,2\n'), 'text/csv', 'numbers.csv')).json();

  // Unlinked uploads belong to their uploader alone.
  await expectProblem(await alex.get(`${API}/attachments/${first.id}`), 404, problemTypes.notFound);
  const bad = await alex.post(`${API}/cases/${'x'}/comments`, { data: { body: 'x', attachments: [first.id] } });
  expect(bad.status()).toBe(404);
  const stolen = await fileCase(alex).then(async (c) => alex.post(`${API}/cases/${c.id}/comments`, { data: { body: 'mine now', attachments: [first.id] } }));
  const p = await expectProblem(stolen, 400, problemTypes.validation);
  expect(p.errors[0]).toMatchObject({ field: 'attachments', code: 'unknown_attachment' });

  const c = await fileCase(casey, { attachments: [first.id] });
  const comment = await casey.post(`${API}/cases/${c.id}/comments`, { data: { body: 'numbers attached', attachments: [second.id] } });
  const entry = await expectDocumented(comment, 'POST', '/cases/{id}/comments');
  expect(entry.attachments.map((a: any) => a.name)).toEqual(['numbers.csv']);
  const thread = await (await casey.get(`${API}/cases/${c.id}/thread`)).json();
  expect(thread.map((e: any) => e.kind)).toEqual(['case_filed', 'attachments_added', 'comment']);
  expect(thread[1].attachments.map((a: any) => a.id)).toEqual([first.id]);

  // Once on a case, the organisation's case managers may download it; nobody else.
  expect((await alex.get(`${API}/attachments/${first.id}`)).status()).toBe(200);
  const probe = await other.get(`${API}/attachments/${first.id}`);
  await expectProblem(probe, 404, problemTypes.notFound);
  await expectDocumented(probe, 'GET', '/attachments/{id}');
  const member = await signedIn(accounts.member);
  await expectProblem(await member.get(`${API}/attachments/${first.id}`), 403, problemTypes.forbidden);
  await expectProblem(await upload(member, Buffer.from('x'), 'text/plain', 'x.txt'), 403, problemTypes.forbidden);
  const anon = await anonymous();
  await expectProblem(await anon.get(`${API}/attachments/${first.id}`), 401, problemTypes.unauthenticated);
  for (const ctx of [casey, alex, other, member, anon]) await ctx.dispose();
});
