// The set-password page's calls: public, once per link; refused from foreign origins.
import { test, expect, request } from '@playwright/test';
import { API, accounts, anonymous, baseURL, expectDocumented, expectProblem, problemTypes, signedIn } from './contract';
import { createUser, mailedToken } from './users';
import { liveMailDir, mailsTo } from '../support/mail';

test('an unknown invitation link is gone, whatever the call', async () => {
  const anon = await anonymous();
  for (const [path, data] of [
    ['/invitations/inspect', { token: 'never-issued' }],
    ['/invitations/accept', { token: 'never-issued', password: 'a long enough password' }],
  ] as const) {
    const res = await anon.post(`${API}${path}`, { data });
    await expectProblem(res, 410, problemTypes.invitationInvalid);
    await expectDocumented(res, 'POST', path);
  }
  await anon.dispose();
});

test('the invitation calls refuse foreign origins like signing in does', async () => {
  const foreign = await request.newContext({ baseURL: baseURL(), extraHTTPHeaders: { Origin: 'https://evil.example' } });
  for (const path of ['/invitations/inspect', '/invitations/accept', '/session']) {
    const res = await foreign.post(`${API}${path}`, { data: { token: 't', email: 'e@example.com', password: 'a long enough password' } });
    await expectProblem(res, 403, problemTypes.crossOrigin);
  }
  await foreign.dispose();
});

test('an invited user chooses a password once and can then sign in', async () => {
  test.skip(!liveMailDir(), 'needs the mail directory of the reference backend to read the invitation');
  const admin = await signedIn(accounts.systemAdmin);
  const user = await createUser(admin, { name: 'Zoé Invitée' });
  const token = mailedToken(user.email);
  const [mail] = mailsTo(liveMailDir()!, user.email);
  expect(mail.subject).toContain('Northwind');
  expect(mail.body).toContain('Zoé Invitée');

  const anon = await anonymous();
  const inspect = await anon.post(`${API}/invitations/inspect`, { data: { token } });
  const invitation = await expectDocumented(inspect, 'POST', '/invitations/inspect');
  expect(invitation).toMatchObject({ email: user.email, name: 'Zoé Invitée', role: 'customer_support_admin' });
  expect(Date.parse(invitation.expires_at)).toBeGreaterThan(Date.now());

  for (const [password, code] of [['short', 'too_short'], [user.email, 'same_as_email']]) {
    const res = await anon.post(`${API}/invitations/accept`, { data: { token, password } });
    const problem = await expectProblem(res, 400, problemTypes.validation);
    await expectDocumented(res, 'POST', '/invitations/accept');
    expect(problem.errors[0]).toMatchObject({ field: 'password', code });
  }
  const password = 'a long enough password';
  const accepted = await anon.post(`${API}/invitations/accept`, { data: { token, password } });
  expect(accepted.status(), await accepted.text()).toBe(204);
  await expectDocumented(accepted, 'POST', '/invitations/accept');
  const twice = await anon.post(`${API}/invitations/accept`, { data: { token, password: 'another long password' } });
  await expectProblem(twice, 410, problemTypes.invitationInvalid);
  await expectProblem(await anon.post(`${API}/invitations/inspect`, { data: { token } }), 410, problemTypes.invitationInvalid);
  await anon.dispose();

  const them = await signedIn({ email: user.email, password });
  const session = await (await them.get(`${API}/session`)).json();
  expect(session.user.role).toBe('customer_support_admin');
  await expectProblem(await them.get(`${API}/support-users`), 403, problemTypes.forbidden);
  await them.dispose();

  const now = await (await admin.get(`${API}/support-users/${user.id}`)).json();
  expect(now.status).toBe('active');
  expect(now.last_active_at).not.toBeNull();
  const log = await (await admin.get(`${API}/audit-log?action=invitation_accepted&q=${encodeURIComponent(user.email)}`)).json();
  expect(log.items[0].actor.email).toBe(user.email);
  await admin.dispose();
});
