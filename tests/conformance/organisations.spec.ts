// A person in several organisations: the session lists them, and moving the session to another
// (PUT /session/organisation) changes its organisation, its user account and every list with
// them. As accounts.multiOrg (nothing else signs in as them); which organisation a sign-in opens
// depends on the one used last, so each test reads it from the session.
import { randomUUID } from 'node:crypto';
import { test, expect, APIRequestContext } from '@playwright/test';
import {
  API, accounts, anonymous, expectDocumented, expectProblem, externalBackend, fileCase, problemTypes, signedIn,
} from './contract';
import { hostHeaders } from '../support/host';

const person = accounts.multiOrg;

test.skip(
  externalBackend() && !process.env.SP_MULTI_ORG_EMAIL,
  'this backend names no person in two organisations: set SP_MULTI_ORG_EMAIL and SP_MULTI_ORG_PASSWORD',
);

/** The signed-in session, checked against the contract. */
async function session(ctx: APIRequestContext): Promise<any> {
  return expectDocumented(await ctx.get(`${API}/session`), 'GET', '/session');
}

/** The session's organisation and another of the person's. */
async function currentAndOther(ctx: APIRequestContext): Promise<{ current: any; other: any }> {
  const s = await session(ctx);
  const other = s.organisations.find((o: any) => o.id !== s.organisation.id);
  expect(other, `a second organisation in ${JSON.stringify(s.organisations)}`).toBeTruthy();
  return { current: s.organisation, other };
}

/** `PUT /session/organisation`. */
const switchTo = (ctx: APIRequestContext, data: unknown) => ctx.put(`${API}/session/organisation`, { data });

test('the session lists the organisations of a person in two, the current one among them', async () => {
  const anon = await anonymous();
  const res = await anon.post(`${API}/session`, { data: { email: person.email, password: person.password } });
  const signedInto = await expectDocumented(res, 'POST', '/session');
  expect(res.status()).toBe(200);
  expect(signedInto.organisations, 'the sign-in answers them too').toHaveLength(2);
  const s = await session(anon);
  expect(s.organisations).toHaveLength(2);
  expect(s.organisations.map((o: any) => o.id)).toContain(s.organisation.id);
  expect(s.organisations).toContainEqual(s.organisation);
  expect(new Set(s.organisations.map((o: any) => o.id)).size).toBe(2);
  if (!externalBackend()) {
    expect(s.organisations.map((o: any) => o.name)).toEqual(['Contoso Ltd', 'Northwind Traders']);
  }
  await anon.dispose();

  // Someone in one organisation has it alone: no switcher to offer.
  const member = await signedIn(accounts.member);
  const single = await session(member);
  expect(single.organisations ?? [single.organisation]).toEqual([single.organisation]);
  await member.dispose();
});

test('switching moves the session: its organisation, its user and the case list follow', async () => {
  const ctx = await signedIn(person);
  const { current, other } = await currentAndOther(ctx);
  const before = await session(ctx);
  const here = await fileCase(ctx, { title: `Filed before switching ${randomUUID().slice(0, 8)}` });

  const res = await switchTo(ctx, { organisation: other.id });
  const moved = await expectDocumented(res, 'PUT', '/session/organisation');
  expect(res.status()).toBe(200);
  expect(moved.organisation.id).toBe(other.id);
  expect(moved.user.email).toBe(person.email.toLowerCase());
  expect(moved.user.id, 'the account of the person in that organisation').not.toBe(before.user.id);
  expect(moved.organisations.map((o: any) => o.id).sort()).toEqual(before.organisations.map((o: any) => o.id).sort());
  // The same cookie now carries the moved session.
  expect((await session(ctx)).organisation.id).toBe(other.id);

  const list = await expectDocumented(await ctx.get(`${API}/cases?scope=organisation&limit=100`), 'GET', '/cases');
  expect(list.items.map((c: any) => c.id)).not.toContain(here.id);
  const gone = await ctx.get(`${API}/cases/${here.id}`);
  await expectProblem(gone, 404, problemTypes.notFound);
  await expectDocumented(gone, 'GET', '/cases/{id}');

  const back = await switchTo(ctx, { organisation: current.id });
  expect((await expectDocumented(back, 'PUT', '/session/organisation')).organisation.id).toBe(current.id);
  expect((await ctx.get(`${API}/cases/${here.id}`)).status()).toBe(200);
  await ctx.dispose();
});

test('an organisation the person is not in is not found; none named is a field error; signed out is 401', async () => {
  const ctx = await signedIn(person);
  const { current } = await currentAndOther(ctx);
  const unknown = await switchTo(ctx, { organisation: `org-${randomUUID()}` });
  await expectProblem(unknown, 404, problemTypes.notFound);
  await expectDocumented(unknown, 'PUT', '/session/organisation');
  // An organisation that exists, with other people: as unknown, saying no more.
  const elsewhere = await signedIn(accounts.chatCustomer);
  const theirs = (await session(elsewhere)).organisation;
  await elsewhere.dispose();
  const mine = (await session(ctx)).organisations.map((o: any) => o.id);
  if (!mine.includes(theirs.id)) {
    const res = await switchTo(ctx, { organisation: theirs.id });
    expect(await expectProblem(res, 404, problemTypes.notFound)).toEqual(await unknown.json());
  }

  for (const body of [{}, { organisation: '' }]) {
    const res = await switchTo(ctx, body);
    const problem = await expectProblem(res, 400, problemTypes.validation);
    await expectDocumented(res, 'PUT', '/session/organisation');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'organisation', code: 'required' })]);
  }
  expect((await session(ctx)).organisation.id, 'refusals move nothing').toBe(current.id);
  await ctx.dispose();

  const anon = await anonymous();
  const out = await switchTo(anon, { organisation: current.id });
  await expectProblem(out, 401, problemTypes.unauthenticated);
  await expectDocumented(out, 'PUT', '/session/organisation');
  await anon.dispose();
});

test('a host hands the person over into the organisation it names', async () => {
  const ctx = await signedIn(person);
  const { other } = await currentAndOther(ctx);
  await ctx.dispose();

  const host = await anonymous();
  const minted = await host.post(`${API}/host/handoff`, { headers: hostHeaders(), data: { email: person.email, organisation: other.id } });
  const handoff = await expectDocumented(minted, 'POST', '/host/handoff');
  expect(minted.status()).toBe(201);
  const nowhere = await host.post(`${API}/host/handoff`, {
    headers: hostHeaders(), data: { email: person.email, organisation: `org-${randomUUID()}` },
  });
  await expectProblem(nowhere, 404, problemTypes.notFound);
  await host.dispose();

  const portal = await anonymous();
  const res = await portal.post(`${API}/session/handoff`, { data: { token: handoff.token } });
  const s = await expectDocumented(res, 'POST', '/session/handoff');
  expect(s.organisation.id).toBe(other.id);
  expect(s.organisations).toHaveLength(2);
  await portal.dispose();
});
