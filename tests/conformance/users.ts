// Helpers of the support-user specs. Every test creates its own users with unique emails (the
// backend is shared by tests running in parallel) and never removes or demotes the demo
// accounts other tests sign in as.
import { randomUUID } from 'node:crypto';
import { APIRequestContext, expect } from '@playwright/test';
import { API, anonymous, expectDocumented } from './contract';
import { invitationToken, mailsTo, requireLiveMailDir } from '../support/mail';

/** An address no other test uses. */
export const uniqueEmail = (prefix = 'conf'): string => `${prefix}-${randomUUID()}@example.com`;

/** The `ETag` of a response. */
export const etagOf = (res: { headers(): Record<string, string> }): string => res.headers()['etag'];

/** Creates a support user (expecting 201) and returns it. */
export async function createUser(
  admin: APIRequestContext,
  overrides: { email?: string; name?: string; role?: string } = {},
): Promise<any> {
  const data = { email: uniqueEmail(), name: `Conformance ${randomUUID().slice(0, 8)}`, role: 'customer_support_admin', ...overrides };
  const res = await admin.post(`${API}/support-users`, { data });
  const user = await expectDocumented(res, 'POST', '/support-users');
  expect(res.status(), JSON.stringify(user)).toBe(201);
  return user;
}

/** The id of the signed-in user. */
export async function myId(ctx: APIRequestContext): Promise<string> {
  return (await (await ctx.get(`${API}/session`)).json()).user.id;
}

/** The invitation token mailed to `email` last (needs the live mail directory). */
export function mailedToken(email: string): string {
  const token = mailsTo(requireLiveMailDir(), email).map(invitationToken).filter(Boolean).pop();
  expect(token, `no invitation mailed to ${email}`).toBeTruthy();
  return token!;
}

/** A new active Customer Support Administrator who accepted their invitation (needs mail). */
export async function activeUser(admin: APIRequestContext): Promise<{ id: string; email: string; password: string }> {
  const user = await createUser(admin);
  const password = `Conformance-${randomUUID()}`;
  const anon = await anonymous();
  const res = await anon.post(`${API}/invitations/accept`, { data: { token: mailedToken(user.email), password } });
  expect(res.status(), await res.text()).toBe(204);
  await anon.dispose();
  return { id: user.id, email: user.email, password };
}
