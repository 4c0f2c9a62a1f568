// Service history: the timeline of cases, chats and callback requests, its paging and filters,
// the summary that adds up to it, the CSV export, and who may see what. The backend is shared:
// every check finds its own rows by id or topic rather than counting everything.
import { test, expect, APIRequestContext } from '@playwright/test';
import { API, accounts, anonymous, expectDocumented, expectProblem, problemTypes, signedIn, uniqueKey } from './contract';

/** A callback request of the signed-in user, to find in the history. */
async function callback(ctx: APIRequestContext, topic: string): Promise<any> {
  const res = await ctx.post(`${API}/callbacks`, { data: { product: 'target', phone: '+44 20 7946 0123', topic } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

/** Every row of a query, page by page, each page checked against the contract. */
async function everything(ctx: APIRequestContext, query: string): Promise<any[]> {
  const items: any[] = [];
  let url = `${API}/history?limit=50&${query}`;
  for (;;) {
    const page = await expectDocumented(await ctx.get(url), 'GET', '/history');
    items.push(...page.items);
    if (!page.next_cursor) return items;
    url = `${API}/history?limit=50&${query}&cursor=${encodeURIComponent(page.next_cursor)}`;
  }
}

test('the history pages through the organisation\'s interactions, each once, newest first', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  const mine = await callback(ctx, `History conformance ${uniqueKey()}`);
  const items = await everything(ctx, '');
  const ids = items.map((i) => i.id);
  expect(new Set(ids).size, 'no row twice across pages').toBe(ids.length);
  const row = items.find((i) => i.id === mine.id);
  expect(row).toMatchObject({ kind: 'callback', channel: 'phone', product: 'target', standing: 'open', title: mine.topic });
  expect(row.requester.name).toBe(accounts.supportAdmin.name);
  const opened = items.map((i) => Date.parse(i.opened_at));
  expect(opened.every((t, i) => i === 0 || opened[i - 1] >= t)).toBe(true);
  await ctx.dispose();
});

test('filters narrow the history and the summary adds up to the same set', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  await callback(ctx, `Summary conformance ${uniqueKey()}`);
  for (const query of ['kind=callback', 'kind=case&priority=p1,p2', 'product=target&status=open']) {
    const items = await everything(ctx, query);
    const params = new URLSearchParams(query);
    for (const i of items) {
      if (params.get('kind')) expect(params.get('kind')!.split(',')).toContain(i.kind);
      if (params.get('priority')) expect(params.get('priority')!.split(',')).toContain(i.priority);
      if (params.get('status') === 'open') expect(i.standing).not.toBe('closed');
    }
    const summary = await expectDocumented(await ctx.get(`${API}/history/summary?${query}`), 'GET', '/history/summary');
    expect(summary.open + summary.awaiting_customer + summary.closed, query).toBe(items.length);
    const perMonth = summary.months.reduce((n: number, m: any) => n + m.count, 0);
    expect(perMonth, query).toBe(items.length);
  }
  await ctx.dispose();
});

test('unreadable filters are refused field by field', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  const res = await ctx.get(`${API}/history?kind=fax&sort=sideways&from=soon&limit=500`);
  const problem = await expectProblem(res, 400, problemTypes.validation);
  await expectDocumented(res, 'GET', '/history');
  expect(problem.errors.map((e: any) => `${e.field}:${e.code}`).sort()).toEqual([
    'from:invalid_time', 'kind:invalid_value', 'limit:invalid_limit', 'sort:invalid_value',
  ]);
  await ctx.dispose();
});

test('a member is refused, the signed-out must sign in, and another organisation sees none of it', async () => {
  const member = await signedIn(accounts.member);
  const nobody = await anonymous();
  for (const path of ['/history', '/history/summary', '/history/export']) {
    const refused = await member.get(`${API}${path}`);
    await expectProblem(refused, 403, problemTypes.forbidden);
    await expectDocumented(refused, 'GET', path);
    const anon = await nobody.get(`${API}${path}`);
    await expectProblem(anon, 401, problemTypes.unauthenticated);
    await expectDocumented(anon, 'GET', path);
  }
  await member.dispose();
  await nobody.dispose();

  const northwind = await signedIn(accounts.supportAdmin);
  const theirs = await callback(northwind, `Not for Contoso ${uniqueKey()}`);
  const contoso = await signedIn(accounts.otherOrgAdmin);
  const seen = await everything(contoso, 'kind=callback');
  expect(seen.map((i) => i.id)).not.toContain(theirs.id);
  await northwind.dispose();
  await contoso.dispose();
});

test('the export is the filtered set as CSV with a byte-order mark, headers in the asked language and formulas neutralised', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  const topic = `=HYPERLINK("http://evil.example";"a; b") ${uniqueKey()}`;
  await callback(ctx, topic);
  const res = await ctx.get(`${API}/history/export?kind=callback&lang=es`);
  const text: string = await expectDocumented(res, 'GET', '/history/export');
  expect(res.headers()['content-disposition']).toContain('service-history.csv');
  expect(text.charCodeAt(0), 'a byte-order mark first').toBe(0xfeff);
  const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
  expect(lines[0].startsWith('Tipo;Referencia;'), lines[0]).toBe(true);
  expect(Number(res.headers()['x-row-count'])).toBe(lines.length - 1);
  const row = lines.find((l) => l.includes('evil.example'));
  expect(row, 'the callback is exported').toBeTruthy();
  expect(row!).toContain(`"'${topic.replace(/"/g, '""')}"`);

  const comma = await ctx.get(`${API}/history/export?kind=callback&lang=en&separator=comma`);
  expect((await comma.text()).slice(1).startsWith('Kind,Reference,')).toBe(true);
  await ctx.dispose();
});
