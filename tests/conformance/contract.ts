// Shared helpers of the conformance suite: where the backend is, how to sign in, and how to check
// a response against the OpenAPI document in contract/openapi.json (the contract itself).
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { APIRequestContext, APIResponse, expect, request } from '@playwright/test';

export { accounts } from '../support/accounts';
import { agentHeaders, agentToken } from '../support/agent';
import { SCRIPTED } from '../support/scripted';

/** The backend under test: another implementation when SP_CONFORMANCE_BASE_URL is set. */
export const baseURL = (): string => {
  const url = process.env.SP_CONFORMANCE_BASE_URL ?? process.env.SP_LIVE_URL;
  if (!url) throw new Error('set SP_CONFORMANCE_BASE_URL, or run through the global setup that sets SP_LIVE_URL');
  return url.replace(/\/$/, '');
};

/** True when checking a backend other than the reference one started by the global setup. */
export const externalBackend = (): boolean => Boolean(process.env.SP_CONFORMANCE_BASE_URL);

export const API = '/api/v1';
export const PROBLEM_JSON = 'application/problem+json';
export const problemTypes = {
  invalidCredentials: 'urn:support-portal:problem:invalid-credentials',
  invalidHandoff: 'urn:support-portal:problem:invalid-handoff',
  tooManyAttempts: 'urn:support-portal:problem:too-many-attempts',
  unauthenticated: 'urn:support-portal:problem:unauthenticated',
  forbidden: 'urn:support-portal:problem:forbidden',
  notFound: 'urn:support-portal:problem:not-found',
  validation: 'urn:support-portal:problem:validation',
  crossOrigin: 'urn:support-portal:problem:cross-origin',
  conflict: 'urn:support-portal:problem:conflict',
  idempotencyKeyReused: 'urn:support-portal:problem:idempotency-key-reused',
  preconditionFailed: 'urn:support-portal:problem:precondition-failed',
  caseFilingClosed: 'urn:support-portal:problem:case-filing-closed',
  transitionNotAllowed: 'urn:support-portal:problem:transition-not-allowed',
  reopenWindowPassed: 'urn:support-portal:problem:reopen-window-passed',
  urgencyChangeTooSoon: 'urn:support-portal:problem:urgency-change-too-soon',
  attachmentTooLarge: 'urn:support-portal:problem:attachment-too-large',
  attachmentTypeNotAllowed: 'urn:support-portal:problem:attachment-type-not-allowed',
  uploadQuotaExceeded: 'urn:support-portal:problem:upload-quota-exceeded',
  duplicateUser: 'urn:support-portal:problem:duplicate-user',
  lastSystemAdmin: 'urn:support-portal:problem:last-system-admin',
  selfRemoval: 'urn:support-portal:problem:self-removal',
  invitationInvalid: 'urn:support-portal:problem:invitation-invalid',
  importTooLarge: 'urn:support-portal:problem:import-too-large',
  chatUnavailable: 'urn:support-portal:problem:chat-unavailable',
  chatEnded: 'urn:support-portal:problem:chat-ended',
};

type Json = Record<string, any>;

const openapi: Json = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', 'contract', 'openapi.json'), 'utf8'),
);
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(openapi, 'openapi.json');

/** Follows a local `$ref` such as `#/components/responses/Forbidden`. */
function deref(node: Json): Json {
  let n = node;
  while (n && typeof n.$ref === 'string') {
    n = n.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((acc: Json, key: string) => acc?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], openapi);
  }
  return n;
}

/** Checks a value against a named schema of the document (`#/components/schemas/<name>`). */
export function expectSchema(value: unknown, name: string): void {
  const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name} in contract/openapi.json`);
  const ok = validate(value);
  expect(ok, `${name}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value, null, 2)}`).toBe(true);
}

/**
 * Checks that the operation documents this response's status and content type, and that the body
 * matches the documented schema. Returns the parsed body (undefined when there is none; the text
 * for a documented non-JSON type such as `text/csv`).
 */
export async function expectDocumented(res: APIResponse, method: string, apiPath: string, base: string = API): Promise<any> {
  const operation = openapi.paths?.[`${base}${apiPath}`]?.[method.toLowerCase()];
  expect(operation, `${method} ${base}${apiPath} is not in the contract`).toBeTruthy();
  const status = String(res.status());
  const documented = operation.responses?.[status];
  expect(documented, `${method} ${apiPath} answered ${status}, which the contract does not document: ${await res.text()}`).toBeTruthy();
  const response = deref(documented);
  if (!response.content) return undefined;
  const contentType = (res.headers()['content-type'] ?? '').split(';')[0].trim();
  const media = response.content[contentType];
  expect(media, `${method} ${apiPath} ${status}: content type ${contentType} is not one of ${Object.keys(response.content)}`).toBeTruthy();
  // A documented non-JSON body (a CSV export) is returned as text; its schema is a string.
  if (!/[/+]json$/.test(contentType)) return res.text();
  const body = await res.json();
  const validate = validatorFor(`${method} ${base}${apiPath} ${status} ${contentType}`, media.schema);
  expect(validate(body), `${method} ${apiPath} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body, null, 2)}`).toBe(true);
  return body;
}

const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/** Compiles a response schema once; its local refs point into the document. */
function validatorFor(key: string, schema: Json) {
  let v = validators.get(key);
  if (!v) {
    v = ajv.compile(rebase(schema));
    validators.set(key, v);
  }
  return v;
}

/** Copies a schema with `#/…` refs rewritten to `openapi.json#/…`, so it compiles on its own. */
function rebase(node: any): any {
  if (Array.isArray(node)) return node.map(rebase);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `openapi.json${v}` : rebase(v)]),
    );
  }
  return node;
}

/** Checks an RFC 9457 problem: status, media type, the required members, and the type URI. */
export async function expectProblem(res: APIResponse, status: number, type: string): Promise<Json> {
  expect(res.status(), await res.text()).toBe(status);
  expect(res.headers()['content-type']).toContain(PROBLEM_JSON);
  const body = await res.json();
  expectSchema(body, 'Problem');
  expect(body.type).toBe(type);
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  expect(body.title.length).toBeGreaterThan(0);
  return body;
}

/** A fresh client without cookies. Not a browser, so it sends no `Origin`: its state changes
 *  carry `X-Requested-With` instead, as the contract asks of such clients. */
export async function anonymous(url = baseURL()): Promise<APIRequestContext> {
  return request.newContext({ baseURL: url, extraHTTPHeaders: SCRIPTED });
}

/** A client signed in as an account; its cookie jar carries the session. */
export async function signedIn(account: { email: string; password: string }): Promise<APIRequestContext> {
  const ctx = await anonymous();
  const res = await ctx.post(`${API}/session`, { data: { email: account.email, password: account.password } });
  expect(res.status(), `sign-in as ${account.email}: ${await res.text()}`).toBe(200);
  return ctx;
}

/** Every `Set-Cookie` header of a response. */
export function setCookies(res: APIResponse): string[] {
  return res.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
}

/** The session cookie's name, as the document's cookie security scheme names it. */
export const sessionCookieName: string = Object.values<Json>(openapi.components?.securitySchemes ?? {})
  .find((s) => s.type === 'apiKey' && s.in === 'cookie')?.name ?? 'sp_session';

/** The session cookie among a response's `Set-Cookie` headers. */
export function sessionCookie(res: APIResponse): string | undefined {
  return setCookies(res).find((c) => c.startsWith(`${sessionCookieName}=`));
}

/** The agent API (the vendor's side of cases), authenticated by a bearer token. */
export const AGENT = '/agent/v1';

/** A client of the agent API. */
export async function agentClient(token = agentToken()): Promise<APIRequestContext> {
  return request.newContext({ baseURL: baseURL(), extraHTTPHeaders: agentHeaders(token) });
}

/** A key no other test uses, for `Idempotency-Key`. */
export const uniqueKey = (): string => `conf-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** A valid `NewCase` body; tests that change a case file their own (the backend is shared). */
export function newCase(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    product: 'analytics',
    priority: 'p3',
    title: `Conformance case ${uniqueKey()}`,
    description: 'The conversion report shows no data since Monday.',
    contact_phone: '+44 20 7946 0000',
    time_zone: 'Europe/London',
    ...overrides,
  };
}

/** Files a case (expecting 201) and returns it. */
export async function fileCase(ctx: APIRequestContext, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await ctx.post(`${API}/cases`, { data: newCase(overrides), headers: { 'Idempotency-Key': uniqueKey() } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}
