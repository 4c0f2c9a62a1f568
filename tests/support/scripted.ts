// The tests' own API calls (Playwright's request contexts, not pages) send no `Origin`, as any
// client that is not a browser. The backend lets a state change without `Origin` through only
// with this header, which a page of another site cannot add without a CORS preflight (README,
// "Cross-origin requests").

/** Headers a scripted client sends on every state-changing call. */
export const SCRIPTED = { 'X-Requested-With': 'support-portal-tests' } as const;
