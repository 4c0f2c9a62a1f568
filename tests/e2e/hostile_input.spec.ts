// Hostile input everywhere (issue 13): the corpus of tests/support/xss.ts goes through every text
// field a user or an agent fills, and each page that shows it is checked twice: under the normal
// CSP and with no CSP at all (a policy can hide an escaping bug by blocking what got in), both
// with a Trusted Types report-only policy that reports every HTML sink. Figures: 0 scripts run,
// 0 reports naming a payload, 0 payloads as markup, and each accepted payload shown as text.
import { randomUUID } from 'node:crypto';
import { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { signIn } from './portal';
import { accounts } from '../support/accounts';
import { agentHeaders } from '../support/agent';
import { SCRIPTED } from '../support/scripted';
import { expectInert, fit, payloads, watchForScripts } from '../support/xss';

/** Chromium's console line for each report of the report-only Trusted Types policy. */
const TRUSTED_TYPES_REPORT = /requires 'Trusted(HTML|Script|ScriptURL)' assignment/;

type Body = Record<string, unknown>;

/** Sends `data`; a field the backend refuses is replaced by `fallback` (or dropped) and the call
 *  is sent again. Never a 5xx. Returns the answer and the fields that were kept. */
async function sendKeeping(send: (data: Body) => Promise<APIResponse>, data: Body, fallback: Body = {}): Promise<{ res: APIResponse; kept: Body }> {
  let body = { ...data };
  for (let attempt = 0; ; attempt++) {
    const res = await send(body);
    expect(res.status(), await res.text()).toBeLessThan(500);
    if (res.status() !== 400 || attempt === 4) return { res, kept: body };
    const problem = await res.json();
    const refused: string[] = (problem.errors ?? []).map((e: { field: string }) => e.field.split('.').pop());
    if (refused.length === 0) return { res, kept: body };
    body = { ...body };
    for (const f of refused) {
      if (f in fallback) body[f] = fallback[f]; else delete body[f];
      const nested = body.details as Body | undefined;
      if (nested && f in nested) body.details = { ...nested, [f]: undefined };
    }
  }
}

/** The values of `kept` that are still the payload's (not a fallback). */
const payloadValues = (kept: Body, fields: string[], fallback: Body): string[] =>
  fields.map((f) => kept[f]).filter((v): v is string => typeof v === 'string' && !Object.values(fallback).includes(v));

const post = (page: Page, url: string, data: unknown, headers: Record<string, string> = {}) =>
  page.request.post(url, { headers: { ...SCRIPTED, ...headers }, data });

/** Visits a list page by page (its "Next page" link), checking each page. */
async function checkPages(page: Page, url: string, where: string): Promise<number> {
  await page.goto(url);
  await expect(page.locator('main h1')).toBeVisible();
  let checked = 0;
  for (let n = 1; n <= 5; n++) {
    await page.waitForLoadState('networkidle');
    checked += await expectInert(page, [], `${where}, page ${n}`);
    const next = page.getByRole('link', { name: 'Next page' });
    if (await next.count() === 0) break;
    await next.click();
  }
  return checked;
}

/** Opens a page and checks it once its heading is there. */
async function checkPage(page: Page, url: string, shown: string[], where: string): Promise<number> {
  await page.goto(url);
  await expect(page.locator('main h1')).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The slowest part of a page to arrive holds the last payload: wait for it as text.
  if (shown.length > 0) await expect(page.locator('main')).toContainText(shown[shown.length - 1].slice(0, 40));
  return expectInert(page, shown, where);
}

for (const mode of ['report', 'off'] as const) {
  const csp = mode === 'off' ? 'with no CSP' : 'under the CSP';
  test.describe(`hostile input ${csp}`, () => {
    test.use({ isolated: true, backendArgs: ['--test-csp', mode, '--chat-hours', 'always'], expectedConsole: [TRUSTED_TYPES_REPORT] });
    test.setTimeout(180_000);
    // Each test has its own backend: spread them over the workers.
    test.describe.configure({ mode: 'parallel' });

    test(`case titles, descriptions, details, replies of both sides, file names and escalation reasons stay text (${mode})`, async ({ page, baseURL }) => {
      await watchForScripts(page);
      await signIn(page, accounts.systemAdmin);
      let checked = 0;
      for (const p of payloads) {
        const fallback = { title: 'Fallback title', description: 'Fallback description.', steps_to_reproduce: null, environment: null };
        const { res, kept } = await sendKeeping((data) => post(page, `${baseURL}/api/v1/cases`, data, { 'Idempotency-Key': randomUUID() }), {
          product: 'analytics', priority: 'p3', title: fit(`Title ${p}`, 200), description: `Description ${p}`, reproducible: true,
          steps_to_reproduce: fit(`Steps ${p}`, 5000), environment: fit(`Environment ${p}`, 5000),
          details: { report_suite_id: fit(`Suite ${p}`, 2000), workspace_url: fit(p, 2000) },
          contact_phone: '+44 20 7946 0000', time_zone: 'Europe/London',
        }, fallback);
        expect(res.status(), await res.text()).toBe(201);
        const filed = await res.json();
        const shown = payloadValues(kept, ['title', 'description', 'steps_to_reproduce', 'environment'], fallback);
        const details = kept.details as Body;
        shown.push(...Object.values(details).filter((v): v is string => typeof v === 'string'));

        const upload = await page.request.post(`${baseURL}/api/v1/attachments`, {
          headers: { ...SCRIPTED, 'Content-Type': 'text/plain', 'X-File-Name': encodeURIComponent(fit(`File ${p}`, 120)) },
          data: Buffer.from('hostile file name'),
        });
        expect(upload.status(), await upload.text()).toBeLessThan(500);
        const attachments = upload.status() === 201 ? [(await upload.json()).id] : [];
        if (attachments.length > 0) shown.push((await upload.json()).name);
        const reply = await post(page, `${baseURL}/api/v1/cases/${filed.id}/comments`, { body: `Reply ${p}`, attachments });
        expect(reply.status(), await reply.text()).toBeLessThan(500);
        if (reply.ok()) shown.push(`Reply ${p}`);
        const agent = await page.request.post(`${baseURL}/agent/v1/cases/${filed.id}/comments`, { headers: agentHeaders(), data: { body: `Agent ${p}` } });
        expect(agent.status(), await agent.text()).toBeLessThan(500);
        if (agent.ok()) shown.push(`Agent ${p}`);
        const version = (await (await page.request.get(`${baseURL}/api/v1/cases/${filed.id}`)).json()).version;
        const urgency = await post(page, `${baseURL}/api/v1/cases/${filed.id}/urgency`, { priority: 'p2', reason: fit(`Urgency ${p}`, 2000) }, { 'If-Match': `"${version}"` });
        expect(urgency.status(), await urgency.text()).toBeLessThan(500);
        if (urgency.ok()) shown.push(fit(`Urgency ${p}`, 2000));
        checked += await checkPage(page, `/cases/${filed.id}`, [...new Set(shown)], `case ${p.slice(0, 8)}`);
      }
      checked += await checkPages(page, '/cases?scope=mine', 'the case list');
      checked += await checkPage(page, '/', [], 'the home page');
      checked += await checkPages(page, '/history?kind=case', 'service history');
      console.log(`hostile input ${csp}: ${payloads.length} payloads through the case fields, ${checked} shown and checked, 0 ran`);
    });

    test(`chat topics, summaries, agent names and messages of both sides stay text, live and in past chats (${mode})`, async ({ page, baseURL }) => {
      await watchForScripts(page);
      await signIn(page, accounts.systemAdmin);
      const chats: { id: string; shown: string[] }[] = [];
      for (const p of payloads) {
        const start = await post(page, `${baseURL}/api/v1/chats`, { product: 'analytics', topic: fit(`Topic ${p}`, 120), summary: fit(`Summary ${p}`, 1000) });
        expect(start.status(), await start.text()).toBeLessThan(500);
        if (!start.ok()) continue;
        const chat = await start.json();
        const shown = [fit(`Topic ${p}`, 120)];
        const accept = await page.request.post(`${baseURL}/agent/v1/chats/${chat.id}/accept`, { headers: agentHeaders(), data: { agent: fit(`Agent name ${p}`, 80) } });
        expect(accept.status(), await accept.text()).toBeLessThan(500);
        if (!accept.ok()) {
          const plain = await page.request.post(`${baseURL}/agent/v1/chats/${chat.id}/accept`, { headers: agentHeaders(), data: { agent: 'Priya Nair' } });
          expect(plain.status(), await plain.text()).toBe(200);
        }
        const said = await post(page, `${baseURL}/api/v1/chats/${chat.id}/messages`, { id: randomUUID(), body: fit(`Customer ${p}`, 4000) });
        expect(said.status(), await said.text()).toBeLessThan(500);
        if (said.ok()) shown.push(fit(`Customer ${p}`, 4000));
        const answered = await page.request.post(`${baseURL}/agent/v1/chats/${chat.id}/messages`, { headers: agentHeaders(), data: { id: randomUUID(), body: fit(`Agent ${p}`, 4000) } });
        expect(answered.status(), await answered.text()).toBeLessThan(500);
        if (answered.ok()) shown.push(fit(`Agent ${p}`, 4000));
        if (p === payloads[payloads.length - 1]) {
          // The last chat stays open: the live panel shows it.
          await page.goto('/');
          await page.getByRole('button', { name: /^Chat with support/ }).click();
          const panel = page.getByRole('dialog', { name: 'Chat with support' });
          await expect(panel).toContainText(fit(`Agent ${p}`, 40));
          await expectInert(page, shown, 'the live chat panel');
        }
        const ended = await post(page, `${baseURL}/api/v1/chats/${chat.id}/end`, {});
        expect(ended.status(), await ended.text()).toBeLessThan(500);
        chats.push({ id: chat.id, shown });
      }
      let checked = 0;
      for (const chat of chats) checked += await checkPage(page, `/chats/${chat.id}`, chat.shown, `past chat ${chat.shown[0].slice(0, 8)}`);
      checked += await checkPages(page, '/chats', 'past chats');
      checked += await checkPages(page, '/history?kind=chat', 'service history');
      console.log(`hostile input ${csp}: ${chats.length} chats, ${checked} payloads shown and checked, 0 ran`);
    });

    test(`support-user names, flag reasons, import cells and the audit log stay text (${mode})`, async ({ page, baseURL }) => {
      await watchForScripts(page);
      await signIn(page, accounts.systemAdmin);
      const tag = randomUUID().slice(0, 6);
      let checked = 0;
      for (const [i, p] of payloads.entries()) {
        const email = `xss${i + 1}.${tag}@northwind.example`;
        const { res, kept } = await sendKeeping((data) => post(page, `${baseURL}/api/v1/support-users`, data),
          { email, name: fit(`Name ${p}`, 120), role: 'customer_support_admin' }, { name: `Fallback ${i + 1}` });
        expect(res.status(), await res.text()).toBe(201);
        const user = await res.json();
        // As stored: names lose control characters.
        const shown = payloadValues(kept, ['name'], { name: `Fallback ${i + 1}` }).length > 0 ? [user.name as string] : [];
        const flag = await post(page, `${baseURL}/api/v1/support-users/reviews`, { user_ids: [user.id], decision: 'flagged', reason: fit(`Reason ${p}`, 500) });
        expect(flag.status(), await flag.text()).toBeLessThan(500);
        if (flag.ok()) shown.push(fit(`Reason ${p}`, 500));
        checked += await checkPage(page, `/support-users/${user.id}`, shown, `support user ${p.slice(0, 8)}`);
      }
      checked += await checkPages(page, `/support-users?q=${tag}`, 'the support users');
      checked += await checkPages(page, '/support-users/review', 'the review queue');
      checked += await checkPages(page, '/support-users/audit', 'the audit log');

      // Every payload as a cell of an import file, shown in the preview of its rows.
      const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
      const rows = payloads.map((p, i) => [`imp${i + 1}.${tag}@northwind.example`, quote(fit(p, 120)), quote(fit(p, 200))].join(','));
      await page.goto('/support-users/import');
      await page.getByLabel('CSV file').setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(['email,name,role', ...rows].join('\n')) });
      const table = page.getByRole('table', { name: 'Rows of the file' });
      await expect(table.getByRole('row')).toHaveCount(payloads.length + 1);
      checked += await expectInert(page, payloads.map((p) => fit(p, 40)), 'the import preview');
      console.log(`hostile input ${csp}: ${payloads.length} support users and flags, ${payloads.length} import rows, ${checked} shown and checked, 0 ran`);
    });

    test(`callback topics, help feedback, help articles and announcements stay text (${mode})`, async ({ page, baseURL }) => {
      await watchForScripts(page);
      await signIn(page, accounts.systemAdmin);
      let checked = 0;
      for (const p of payloads) {
        const asked = await post(page, `${baseURL}/api/v1/callbacks`, { product: 'target', phone: '+44 20 7946 0123', topic: fit(p, 500), preferred_time: fit(p, 200) });
        expect(asked.status(), await asked.text()).toBeLessThan(500);
      }
      checked += await checkPages(page, '/history?kind=callback', 'callbacks in service history');

      // The vendor's content: an article whose Markdown holds every payload, and an announcement.
      const slug = `xss-${randomUUID().slice(0, 8)}`;
      const body = payloads.map((p) => `${p}\n\n- ${fit(p, 200)}\n\n> ${fit(p, 200)}\n\n\`${fit(p, 100)}\``).join('\n\n');
      const article = await page.request.put(`${baseURL}/agent/v1/help/articles/${slug}/en`, {
        headers: agentHeaders(), data: { product: 'analytics', title: fit(payloads[1], 200), summary: fit(payloads[0], 500), body, tags: ['xss'] },
      });
      expect(article.status(), await article.text()).toBeLessThan(300);
      await page.goto(`/help/${slug}`);
      await expect(page.getByRole('heading', { level: 1, name: /^XSS2 / })).toBeVisible();
      await page.waitForLoadState('networkidle');
      // Markdown reads some characters as formatting: the body shows each payload's marker.
      checked += await expectInert(page, [fit(payloads[1], 200), ...payloads.map((_, i) => `XSS${i + 1} `)], 'a help article');
      for (const p of payloads) {
        const vote = await page.request.put(`${baseURL}/api/v1/help/articles/${slug}/vote`, { headers: SCRIPTED, data: { helpful: false, comment: fit(p, 1000) } });
        expect(vote.status(), await vote.text()).toBeLessThan(500);
      }
      const now = new Date().toISOString();
      for (const p of payloads.slice(0, 10)) {
        const a = await page.request.post(`${baseURL}/agent/v1/announcements`, {
          headers: agentHeaders(), data: { severity: 'info', starts_at: now, texts: [{ language: 'en', title: fit(p, 200), body: fit(p, 2000) }] },
        });
        expect(a.status(), await a.text()).toBeLessThan(500);
      }
      checked += await checkPage(page, '/', [], 'the home page with announcements');
      console.log(`hostile input ${csp}: callbacks, an article, ${payloads.length} feedback comments and 10 announcements; ${checked} shown and checked, 0 ran`);
    });
  });
}
