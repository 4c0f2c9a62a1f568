// Page helpers: what a person does, found the way a person finds it (role and accessible name).
import { Page, expect } from '@playwright/test';

export interface Account {
  email: string;
  password: string;
  name: string;
}

export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in from the sign-in page and waits for the home page's greeting. */
export async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto('/sign-in');
  await fillSignIn(page, account.email, account.password);
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${account.name}` })).toBeVisible();
}

export function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

/** The names of the main navigation's links, in order. */
export async function navigationLinks(page: Page): Promise<string[]> {
  const links = mainNavigation(page).getByRole('link');
  await expect(links.first()).toBeVisible();
  return (await links.allInnerTexts()).map((t) => t.trim());
}

/** The URL of an area's code in the release build: its pack (the first time the area opens),
 *  or its own module (fetched alone when an earlier area brought the rest; see
 *  scripts/split-loader.js). Without `area`, any area's. */
export function areaCode(area = '[a-z_]+'): RegExp {
  return new RegExp(`/split_${area}-[0-9a-f]{16}(\\.\\d+)?\\.(pack|wasm)$`);
}
