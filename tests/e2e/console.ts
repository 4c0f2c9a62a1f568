// Helpers for the journeys in the reference backend's demo console (/console/, with --demo):
// its own sign-in, which picks a demo user by email (the console's users are the portal's).
import { Page, expect } from '@playwright/test';
import { SCRIPTED } from '../support/scripted';

/** Signs in to the demo console as `email` (the console's own sign-in: no portal password). */
export async function enterConsole(page: Page, email: string): Promise<void> {
  await page.goto('/console/sign-in');
  await page.getByRole('button', { name: email }).click();
  await expect(page).toHaveURL(/\/console\/support\/$/);
}

/** Signs in to the console only and opens its Devices page (the portal is not mounted there,
 *  so no hand-off happens until something on the page asks for one). */
export async function consoleOnly(page: Page, email: string): Promise<void> {
  const answer = await page.request.post('/console/sign-in', { headers: SCRIPTED, form: { email }, maxRedirects: 0 });
  expect(answer.status()).toBe(303);
  await page.goto('/console/devices/');
}
