// Helpers for the help journeys: publishing an article as the vendor, through the agent API of
// the backend under test (the test-only way in for articles the seed does not hold).
import { APIRequestContext, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { agentHeaders } from '../support/agent';

export interface Draft {
  product?: string;
  title: string;
  summary?: string;
  body: string;
  tags?: string[];
}

/** Publishes one language version of a new article and returns its slug. */
export async function publishArticle(request: APIRequestContext, baseURL: string, draft: Draft, language = 'en'): Promise<string> {
  const slug = `e2e-${randomUUID().slice(0, 8)}`;
  const response = await request.put(`${baseURL}/agent/v1/help/articles/${slug}/${language}`, {
    headers: agentHeaders(),
    data: { product: 'analytics', summary: 'Published by a journey.', tags: ['e2e'], ...draft },
  });
  expect(response.status(), await response.text()).toBe(200);
  return slug;
}
