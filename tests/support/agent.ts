// The vendor's side of the contract, as the tests play it: the agent API's bearer token. The
// conformance checks and the journeys both authenticate with it.

/** The agent token: SP_AGENT_TOKEN, or the one the reference backend uses with --demo. */
export const agentToken = (): string => process.env.SP_AGENT_TOKEN ?? 'demo-agent-token';

/** The headers of an agent API request. */
export const agentHeaders = (): Record<string, string> => ({ Authorization: `Bearer ${agentToken()}` });
