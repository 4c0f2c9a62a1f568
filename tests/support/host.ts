// The host's side of the contract, as the tests play it: the vendor's admin console, from its
// server, mints hand-off tokens that sign its already signed-in user into the portal.
import { APIRequestContext, expect } from '@playwright/test';

/** The host token: SP_HOST_TOKEN, or the one the reference backend uses with --demo. */
export const hostToken = (): string => process.env.SP_HOST_TOKEN ?? 'demo-host-token';

/** The headers of a host request; another token tests a refusal. */
export const hostHeaders = (token = hostToken()): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** Mints a hand-off token for an email (expecting 201) and returns it. */
export async function mintHandoff(request: APIRequestContext, baseURL: string, email: string): Promise<string> {
  const r = await request.post(`${baseURL}/api/v1/host/handoff`, { headers: hostHeaders(), data: { email } });
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json()).token;
}
