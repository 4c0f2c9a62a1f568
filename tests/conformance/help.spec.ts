// Help topics and forums: the shapes of every help answer against the OpenAPI document, who may
// read them (every role, members included; nobody signed out), search text that tries to be
// query syntax, the language and its English fallback, and "Was this helpful?" (one changeable
// vote per user and article, read back by its author only). Articles are public: another
// organisation reads the same ones. The backend is shared, so each check votes on an article no
// other check votes on.
import { test, expect } from '@playwright/test';
import {
  API, AGENT, accounts, agentClient, anonymous, expectDocumented, expectProblem, problemTypes, signedIn, uniqueKey,
} from './contract';

const search = (params: Record<string, string>) => `${API}/help/articles?${new URLSearchParams(params)}`;

test('search answers in the language asked for, accents optional, with documented shapes', async () => {
  const ctx = await signedIn(accounts.member);
  const es = await expectDocumented(await ctx.get(search({ q: 'segmentacion', lang: 'es' })), 'GET', '/help/articles');
  expect(es.language).toBe('es');
  expect(es.fallback).toBe(false);
  expect(es.total).toBeGreaterThanOrEqual(es.items.length);
  expect(es.items.length).toBeGreaterThan(0);
  expect(es.items.every((t: any) => t.language === 'es')).toBe(true);
  expect(es.items.some((t: any) => /segmentación/i.test(`${t.title} ${t.summary} ${t.tags.join(' ')}`))).toBe(true);

  const fr = await expectDocumented(await ctx.get(search({ q: 'mesures calcul', lang: 'fr' })), 'GET', '/help/articles');
  expect(fr.items[0].title).toMatch(/mesures calculées/i);

  const article = await expectDocumented(await ctx.get(`${API}/help/articles/${fr.items[0].slug}?lang=fr`), 'GET', '/help/articles/{slug}');
  expect(article.topic.slug).toBe(fr.items[0].slug);
  expect(article.topic.language).toBe('fr');
  expect(article.body.length).toBeGreaterThan(0);
  expect(article.related.every((t: any) => t.language === 'fr' && t.slug !== article.topic.slug)).toBe(true);

  const threads = await expectDocumented(await ctx.get(`${API}/help/forums?lang=es`), 'GET', '/help/forums');
  expect(threads.length).toBeGreaterThan(0);
  expect(threads.every((t: any) => /^https?:\/\//.test(t.url))).toBe(true);
  expect(threads.every((t: any) => ['es', 'en'].includes(t.language))).toBe(true);
  await ctx.dispose();
});

test('a search pages through an opaque cursor and a product narrows it', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  const seen: string[] = [];
  let cursor: string | undefined;
  let total = 0;
  for (let i = 0; i < 100; i++) {
    const params: Record<string, string> = { product: 'audience_manager', lang: 'en', limit: '3' };
    if (cursor) params.cursor = cursor;
    const page = await expectDocumented(await ctx.get(search(params)), 'GET', '/help/articles');
    total = page.total;
    expect(page.items.every((t: any) => t.product === 'audience_manager')).toBe(true);
    seen.push(...page.items.map((t: any) => t.slug));
    cursor = page.next_cursor ?? undefined;
    if (!cursor) break;
  }
  expect(seen.length).toBe(total);
  expect(new Set(seen).size).toBe(seen.length);
  await ctx.dispose();
});

test('every role may read help; the signed-out may not', async () => {
  for (const account of [accounts.member, accounts.supportAdmin, accounts.systemAdmin, accounts.otherOrgAdmin]) {
    const ctx = await signedIn(account);
    expect((await ctx.get(search({ q: 'report' }))).status(), account.email).toBe(200);
    expect((await ctx.get(`${API}/help/forums`)).status()).toBe(200);
    await ctx.dispose();
  }
  const anon = await anonymous();
  for (const [method, path, url] of [
    ['GET', '/help/articles', search({ q: 'report' })],
    ['GET', '/help/articles/{slug}', `${API}/help/articles/bot-traffic`],
    ['GET', '/help/forums', `${API}/help/forums`],
    ['GET', '/help/suggestions', `${API}/help/suggestions?q=report`],
  ]) {
    const res = await anon.get(url);
    await expectProblem(res, 401, problemTypes.unauthenticated);
    await expectDocumented(res, method, path);
  }
  const vote = await anon.put(`${API}/help/articles/bot-traffic/vote`, { data: { helpful: true } });
  await expectProblem(vote, 401, problemTypes.unauthenticated);
  await expectDocumented(vote, 'PUT', '/help/articles/{slug}/vote');
  await anon.dispose();
});

test('search text that looks like query syntax is only text', async () => {
  const ctx = await signedIn(accounts.member);
  for (const q of ['"', '"unbalanced', 'NEAR(', 'NEAR(a b', '*', 'a*', '-', '-report', '(((', 'a) OR (b', 'title:x', '^report', 'a AND NOT b', "'; DROP TABLE x; --", '\\', '%', '\u0000']) {
    const res = await ctx.get(search({ q }));
    expect(res.status(), `q=${JSON.stringify(q)}: ${await res.text()}`).toBe(200);
    await expectDocumented(res, 'GET', '/help/articles');
    const suggested = await ctx.get(`${API}/help/suggestions?${new URLSearchParams({ q })}`);
    expect(suggested.status(), `suggestions q=${JSON.stringify(q)}`).toBe(200);
  }
  const bad = await ctx.get(search({ lang: 'de' }));
  const problem = await expectProblem(bad, 400, problemTypes.validation);
  await expectDocumented(bad, 'GET', '/help/articles');
  expect(problem.errors.map((e: any) => e.field)).toEqual(['lang']);
  await ctx.dispose();
});

test('an article not written in the language asked for comes in English, and so do searches that find nothing else', async () => {
  const agent = await agentClient();
  const word = `zq${uniqueKey().replace(/[^a-z0-9]/g, '')}`;
  const slug = `conformance-${word.slice(-12)}`;
  const written = await agent.put(`${AGENT}/help/articles/${slug}/en`, {
    data: { product: 'target', title: `Release notes ${word}`, summary: 'English only.', body: `## ${word}\n\nNew.`, tags: ['notes'] },
  });
  const article = await expectDocumented(written, 'PUT', '/help/articles/{slug}/{language}', AGENT);
  expect(article.topic.language).toBe('en');
  await agent.dispose();

  const ctx = await signedIn(accounts.member);
  const found = await expectDocumented(await ctx.get(search({ q: word, lang: 'fr' })), 'GET', '/help/articles');
  expect(found).toMatchObject({ language: 'en', fallback: true, total: 1 });
  expect(found.items[0].slug).toBe(slug);
  const read = await expectDocumented(await ctx.get(`${API}/help/articles/${slug}?lang=es`), 'GET', '/help/articles/{slug}');
  expect(read.topic.language).toBe('en');
  await ctx.dispose();
});

test('a vote is one per user and article, changeable, and read back by its author only', async () => {
  const slug = 'overlap-reports-empty';
  const me = await signedIn(accounts.member);
  const first = await me.put(`${API}/help/articles/${slug}/vote`, { data: { helpful: false, comment: 'The minimum is not explained.' } });
  const v1 = await expectDocumented(first, 'PUT', '/help/articles/{slug}/vote');
  expect(first.status()).toBe(200);
  expect(v1).toMatchObject({ helpful: false, comment: 'The minimum is not explained.' });
  const second = await me.put(`${API}/help/articles/${slug}/vote`, { data: { helpful: true } });
  const v2 = await expectDocumented(second, 'PUT', '/help/articles/{slug}/vote');
  expect(v2).toMatchObject({ helpful: true, comment: null });
  const mine = await (await me.get(`${API}/help/articles/${slug}?lang=es`)).json();
  expect(mine.your_vote, 'one vote whatever the language read').toMatchObject({ helpful: true, comment: null });

  const other = await signedIn(accounts.otherOrgAdmin);
  const theirs = await expectDocumented(await other.get(`${API}/help/articles/${slug}?lang=es`), 'GET', '/help/articles/{slug}');
  expect(theirs.topic).toEqual(mine.topic);
  expect(theirs.your_vote, 'another organisation never sees the vote').toBeNull();
  const colleague = await signedIn(accounts.supportAdmin);
  const theirsToo = await (await colleague.get(`${API}/help/articles/${slug}`)).json();
  expect(theirsToo.your_vote, 'nor does a colleague').toBeNull();
  await Promise.all([me.dispose(), other.dispose(), colleague.dispose()]);
});

test('a vote is checked, and needs an article that exists', async () => {
  const ctx = await signedIn(accounts.member);
  const blank = await ctx.put(`${API}/help/articles/profile-merge-rules/vote`, { data: { comment: 'x'.repeat(1001) } });
  const problem = await expectProblem(blank, 400, problemTypes.validation);
  await expectDocumented(blank, 'PUT', '/help/articles/{slug}/vote');
  expect(problem.errors.map((e: any) => [e.field, e.code])).toEqual([['helpful', 'required'], ['comment', 'too_long']]);
  for (const res of [
    await ctx.put(`${API}/help/articles/no-such-article/vote`, { data: { helpful: true } }),
    await ctx.get(`${API}/help/articles/no-such-article`),
  ]) {
    await expectProblem(res, 404, problemTypes.notFound);
  }
  await ctx.dispose();
});

test('suggestions search the articles, the case product first, and name each article', async () => {
  const ctx = await signedIn(accounts.supportAdmin);
  const res = await ctx.get(`${API}/help/suggestions?${new URLSearchParams({ q: 'segment shows no data', product: 'audience_manager', lang: 'en' })}`);
  const list = await expectDocumented(res, 'GET', '/help/suggestions');
  expect(list.length).toBeGreaterThan(0);
  expect(list.length).toBeLessThanOrEqual(5);
  expect(list[0].product).toBe('audience_manager');
  for (const s of list) {
    expect(s.url).toMatch(new RegExp(`/help/${s.slug}$`));
    expect((await ctx.get(`${API}/help/articles/${s.slug}`)).status()).toBe(200);
  }
  await ctx.dispose();
});
