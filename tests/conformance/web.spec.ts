// What every response must carry, the app shell for deep links, and errors outside the routes.
import { test, expect, request } from '@playwright/test';
import { API, accounts, anonymous, baseURL, expectProblem, problemTypes, signedIn } from './contract';

/** The directives the CSP must hold; a backend may add sources to connect-src. */
function expectPolicy(csp: string | undefined): void {
  expect(csp, 'Content-Security-Policy header').toBeTruthy();
  const directives = new Map(
    csp!.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...sources] = d.split(/\s+/);
      return [name.toLowerCase(), sources] as [string, string[]];
    }),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toBeTruthy();
  expect(directives.get('connect-src')?.[0]).toBe("'self'");
  for (const [name, sources] of directives) {
    expect(sources, `${name} must not allow inline code`).not.toContain("'unsafe-inline'");
    expect(sources, `${name} must not allow eval`).not.toContain("'unsafe-eval'");
  }
}

for (const path of ['/', '/cases/CASE-1042', `${API}/portal`, `${API}/session`]) {
  test(`${path} carries the security headers`, async () => {
    const ctx = await anonymous();
    const res = await ctx.get(path);
    expectPolicy(res.headers()['content-security-policy']);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['referrer-policy']).toBeTruthy();
    await ctx.dispose();
  });
}

test('a deep link answers the app shell as HTML', async () => {
  const ctx = await anonymous();
  const res = await ctx.get('/cases/CASE-1042?tab=thread');
  expect(res.status(), 'the app shell (is the app built into dist/?)').toBe(200);
  expect(res.headers()['content-type']).toContain('text/html');
  expect(await res.text()).toMatch(/<html/i);
  await ctx.dispose();
});

test('API answers are never cached', async () => {
  const ctx = await anonymous();
  for (const path of ['/portal', '/session']) {
    expect((await ctx.get(`${API}${path}`)).headers()['cache-control'], path).toContain('no-store');
  }
  await ctx.dispose();
});

test('an unknown API path is a not-found problem, never the app', async () => {
  const ctx = await anonymous();
  for (const path of [`${API}/no-such-thing`, '/api/v0/session']) {
    await expectProblem(await ctx.get(path), 404, problemTypes.notFound);
  }
  await ctx.dispose();
});

test('a body that is not JSON is a validation problem', async () => {
  const ctx = await anonymous();
  const res = await ctx.post(`${API}/session`, { headers: { 'content-type': 'application/json' }, data: '{not json' });
  expect(res.status()).toBeGreaterThanOrEqual(400);
  expect(res.status()).toBeLessThan(500);
  expect(res.headers()['content-type']).toContain('application/problem+json');
  await ctx.dispose();
});

test('a state change with neither Origin nor X-Requested-With is refused, even signed in', async () => {
  const signed = await signedIn(accounts.systemAdmin);
  const cookie = (await signed.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  // A bare client: what a form on another site sends when the browser drops `Origin`.
  const bare = await request.newContext({ baseURL: baseURL() });
  const res = await bare.post(`${API}/support-users/import?dry_run=true`, {
    headers: { Cookie: cookie, 'Content-Type': 'text/plain' },
    data: 'email,name,role\n',
  });
  await expectProblem(res, 403, problemTypes.crossOrigin);
  const signIn = await bare.post(`${API}/session`, { data: { email: accounts.member.email, password: accounts.member.password } });
  await expectProblem(signIn, 403, problemTypes.crossOrigin);
  // The same import with the header goes through.
  const vouched = await signed.post(`${API}/support-users/import?dry_run=true`, {
    headers: { 'Content-Type': 'text/plain' },
    data: 'email,name,role\n',
  });
  expect(vouched.status(), await vouched.text()).toBe(200);
  await Promise.all([bare.dispose(), signed.dispose()]);
});

test('a state-changing request from a foreign origin is refused', async () => {
  const ctx = await anonymous();
  const res = await ctx.post(`${API}/session`, {
    headers: { origin: 'https://attacker.example' },
    data: { email: accounts.member.email, password: accounts.member.password },
  });
  await expectProblem(res, 403, problemTypes.crossOrigin);
  expect(res.headers()['set-cookie']).toBeUndefined();
  await ctx.dispose();
});
