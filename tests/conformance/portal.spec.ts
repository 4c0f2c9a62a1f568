// The public portal configuration: phase, products and channels, phone numbers, hours, roles.
import { test, expect } from '@playwright/test';
import { API, anonymous, expectDocumented, externalBackend } from './contract';

// Another backend may configure channels its own way; it sets this to skip the default checks.
const customChannels = process.env.SP_CONFORMANCE_CUSTOM_CHANNELS === '1';

test('the portal configuration is public and matches the contract', async () => {
  const ctx = await anonymous();
  const portal = await expectDocumented(await ctx.get(`${API}/portal`), 'GET', '/portal');
  expect(['setup', 'enablement', 'live']).toContain(portal.phase);
  expect(portal.products.map((p: any) => p.product).sort()).toEqual(['analytics', 'audience_manager', 'target']);
  for (const p of portal.products) expect(p.channels.length, p.product).toBeGreaterThan(0);
  expect(portal.phone_numbers.some((n: any) => n.around_the_clock), 'a 24x7 line for P1 Critical').toBe(true);
  expect(portal.roles.map((r: any) => r.role)).toEqual(
    expect.arrayContaining(['support_system_admin', 'customer_support_admin', null]),
  );
  for (const h of portal.business_hours) {
    expect(h.opens).toMatch(/^\d{2}:\d{2}$/);
    expect(h.closes).toMatch(/^\d{2}:\d{2}$/);
    for (const d of h.weekdays) expect(d).toBeGreaterThanOrEqual(1);
  }
  await ctx.dispose();
});

test('by default chat is offered for Analytics only', async () => {
  test.skip(customChannels, 'SP_CONFORMANCE_CUSTOM_CHANNELS=1: the backend configures its own channels');
  const ctx = await anonymous();
  const portal = await (await ctx.get(`${API}/portal`)).json();
  const withChat = portal.products.filter((p: any) => p.channels.includes('chat')).map((p: any) => p.product);
  expect(withChat).toEqual(['analytics']);
  for (const p of portal.products) expect(p.channels).toEqual(expect.arrayContaining(['phone', 'web']));
  const regions = portal.business_hours.map((h: any) => h.region).sort();
  expect(regions).toEqual(['americas', 'apac', 'emea', 'japan']);
  await ctx.dispose();
});

test('the live backend reports the live phase', async () => {
  test.skip(externalBackend(), 'the phase of an external backend is its own business');
  const ctx = await anonymous();
  expect((await (await ctx.get(`${API}/portal`)).json()).phase).toBe('live');
  await ctx.dispose();
});

test('a backend started in the setup phase reports it', async () => {
  test.skip(externalBackend() || !process.env.SP_SETUP_URL, 'needs the setup-phase reference backend');
  const ctx = await anonymous(process.env.SP_SETUP_URL);
  const res = await ctx.get(`${API}/portal`);
  const portal = await expectDocumented(res, 'GET', '/portal');
  expect(portal.phase).toBe('setup');
  await ctx.dispose();
});
