// Helpers for the support-user journeys: users made over the real API as the system
// administrator, and the invitation mail read from the live backend's mail folder.
import { APIRequestContext, Browser, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mailsTo, invitationLink, requireLiveMailDir, tokenOfLink } from '../support/mail';
import { accounts } from '../support/accounts';
import { SCRIPTED } from '../support/scripted';

/** An address no other test uses. */
export const uniqueEmail = (who: string): string => `${who}.${randomUUID().slice(0, 8)}@northwind.example`;

export interface CreatedUser {
  id: string;
  email: string;
  name: string;
  version: number;
}

/** Creates a support user as the signed-in system administrator of `request`. */
export async function createUser(
  request: APIRequestContext,
  baseURL: string,
  name: string,
  role: 'customer_support_admin' | 'support_system_admin' = 'customer_support_admin',
): Promise<CreatedUser> {
  const email = uniqueEmail(name.split(' ')[0].toLowerCase().replace(/[^a-z]/g, '') || 'user');
  const response = await request.post(`${baseURL}/api/v1/support-users`, { headers: SCRIPTED, data: { email, name, role } });
  expect(response.status(), await response.text()).toBe(201);
  const body = await response.json();
  return { id: body.id, email: body.email, name: body.name, version: body.version };
}

/** The invitation link mailed to `email`, waiting for the mail to be written. */
export async function invitationLinkFor(email: string): Promise<string> {
  let link: string | undefined;
  await expect(async () => {
    const mails = mailsTo(requireLiveMailDir(), email);
    const found = mails.map((m) => invitationLink(m)).find((l): l is string => !!l);
    expect(found, `an invitation to ${email}`).toBeTruthy();
    link = found;
  }).toPass({ timeout: 10_000 });
  return link!;
}

/** Accepts `email`'s invitation over the API with `password`. */
export async function acceptInvitation(request: APIRequestContext, baseURL: string, email: string, password: string): Promise<void> {
  const link = await invitationLinkFor(email);
  const token = tokenOfLink(link);
  const response = await request.post(`${baseURL}/api/v1/invitations/accept`, { headers: SCRIPTED, data: { token, password } });
  expect(response.status(), await response.text()).toBe(204);
}

/** A Customer Support Administrator of their own, made for one test: signed-in state of theirs
 *  (an open chat, a draft) cannot collide with another test's. */
export async function freshCustomer(browser: Browser, baseURL: string, name: string): Promise<{ id: string; email: string; password: string; name: string }> {
  const admin = await browser.newContext({ baseURL });
  const signInResponse = await admin.request.post(`${baseURL}/api/v1/session`, {
    headers: SCRIPTED,
    data: { email: accounts.systemAdmin.email, password: accounts.systemAdmin.password },
  });
  expect(signInResponse.status(), await signInResponse.text()).toBe(200);
  const user = await createUser(admin.request, baseURL, name);
  const password = 'four words make a password';
  await acceptInvitation(admin.request, baseURL, user.email, password);
  await admin.close();
  return { id: user.id, email: user.email, password, name };
}

/** Removes a support user as the system administrator, from a context of its own. */
export async function removeUser(browser: Browser, baseURL: string, userId: string): Promise<void> {
  const admin = await browser.newContext({ baseURL });
  const signedIn = await admin.request.post(`${baseURL}/api/v1/session`, {
    headers: SCRIPTED,
    data: { email: accounts.systemAdmin.email, password: accounts.systemAdmin.password },
  });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const current = await admin.request.get(`${baseURL}/api/v1/support-users/${userId}`);
  expect(current.status(), await current.text()).toBe(200);
  const removed = await admin.request.delete(`${baseURL}/api/v1/support-users/${userId}`, {
    headers: { ...SCRIPTED, 'If-Match': current.headers()['etag'] },
  });
  expect(removed.status(), await removed.text()).toBe(200);
  await admin.close();
}
