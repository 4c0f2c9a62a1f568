// The vendor's side of the contract, as the tests play it: the agent API's bearer token and the
// agent's calls (accepting and answering chats, moving cases). The conformance checks, the
// journeys and the benches all authenticate with it, and the journeys and benches share the calls.
import { APIRequestContext, expect } from '@playwright/test';

/** The agent token: SP_AGENT_TOKEN, or the one the reference backend uses with --demo. */
export const agentToken = (): string => process.env.SP_AGENT_TOKEN ?? 'demo-agent-token';

/** The headers of an agent API request; another token tests a refusal. */
export const agentHeaders = (token = agentToken()): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** The agent accepts a queued chat (expecting 200). */
export async function agentAccepts(request: APIRequestContext, baseURL: string, chatId: string, agent = 'Priya Nair'): Promise<void> {
  const r = await request.post(`${baseURL}/agent/v1/chats/${chatId}/accept`, { headers: agentHeaders(), data: { agent } });
  expect(r.status(), await r.text()).toBe(200);
}

/** The agent starts (or stops) typing in a chat (expecting 204). */
export async function agentTypes(request: APIRequestContext, baseURL: string, chatId: string, typing = true): Promise<void> {
  const r = await request.post(`${baseURL}/agent/v1/chats/${chatId}/typing`, { headers: agentHeaders(), data: { typing } });
  expect(r.status(), await r.text()).toBe(204);
}

/** The agent sends a message (201, or 200 for a repeat); `id` is random unless a caller needs
 *  ids of its own (the bench numbers them). */
export async function agentSays(request: APIRequestContext, baseURL: string, chatId: string, body: string, id = `agent-${Math.random().toString(36).slice(2, 12)}`): Promise<void> {
  const r = await request.post(`${baseURL}/agent/v1/chats/${chatId}/messages`, { headers: agentHeaders(), data: { id, body } });
  expect([200, 201], await r.text()).toContain(r.status());
}

/** Whether the agent API says the customer is typing in this chat now. */
export async function customerTyping(request: APIRequestContext, baseURL: string, chatId: string): Promise<boolean> {
  const r = await request.get(`${baseURL}/agent/v1/chats/${chatId}/typing`, { headers: agentHeaders() });
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()).typing;
}

/** The agent moves a case to `status` (e.g. awaiting_your_reply), as the vendor's engineer does. */
export async function agentSetsStatus(request: APIRequestContext, baseURL: string, caseId: string, status: string): Promise<void> {
  const r = await request.post(`${baseURL}/agent/v1/cases/${caseId}/status`, { headers: agentHeaders(), data: { status } });
  expect(r.ok(), await r.text()).toBe(true);
}
