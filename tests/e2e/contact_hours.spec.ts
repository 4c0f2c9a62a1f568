// Business hours on the contact page, also in the user's own time zone, with "open now" or
// when the region next opens. The browser's clock and time zone are set; the user is a fresh
// customer with no time zone of their own, so the browser's applies.
import { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { signIn } from './portal';
import { freshCustomer, removeUser } from './users';
import { wcagViolations } from './axe';

/** A fresh customer signed in with the browser's clock fixed at `instant`, on the contact page. */
async function contactPageAt(page: Page, browser: Browser, baseURL: string, instant: string) {
  const user = await freshCustomer(browser, baseURL, 'Hours Reader');
  await page.clock.setFixedTime(new Date(instant));
  await signIn(page, user);
  await page.goto('/contact');
  return user;
}

test.describe('in Los Angeles on a Monday morning in London', () => {
  test.use({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });

  test('the own region shows its hours in the user\'s time zone and that it is open now', async ({ page, browser, baseURL }) => {
    const user = await contactPageAt(page, browser, baseURL!, '2026-12-07T10:00:00Z');
    const emea = page.getByRole('listitem').filter({ hasText: 'Europe/London' });
    await expect(emea).toContainText('In your time zone (America/Los_Angeles): 1:00 AM–9:00 AM');
    await expect(emea).toContainText('Open now, until 9:00 AM');
    // Tokyo is closed at 19:00 there, and opens the next morning: 4:00 PM on Monday in Los Angeles.
    const japan = page.getByRole('listitem').filter({ hasText: 'Asia/Tokyo' });
    await expect(japan).toContainText('Closed now, opens Monday 4:00 PM');
    await removeUser(browser, baseURL!, user.id);
  });
});

test.describe('in Tokyo on a Saturday, in French', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('a closed region says when it opens, in the user\'s language and time zone', async ({ page, browser, baseURL }) => {
    const user = await contactPageAt(page, browser, baseURL!, '2026-12-05T12:00:00Z');
    await page.getByLabel('Language').selectOption('fr');
    const emea = page.getByRole('listitem').filter({ hasText: 'Europe/London' });
    await expect(emea).toContainText('Dans votre fuseau horaire (Asia/Tokyo) : 18:00–2:00');
    await expect(emea).toContainText('Fermé en ce moment, ouvre lundi 18:00');
    expect(await wcagViolations(page)).toEqual([]);
    await removeUser(browser, baseURL!, user.id);
  });
});

test.describe('in UTC the weekend the clocks go forward in London', () => {
  test.use({ timezoneId: 'UTC' });

  test('the next opening counts the hour the clocks skip', async ({ page, browser, baseURL }) => {
    // Saturday 27 March 2027, noon; London moves to summer time on Sunday, so Monday's 09:00
    // there is 08:00 UTC.
    const user = await contactPageAt(page, browser, baseURL!, '2027-03-27T12:00:00Z');
    const emea = page.getByRole('listitem').filter({ hasText: 'Europe/London' });
    await expect(emea).toContainText('Closed now, opens Monday 8:00 AM');
    await removeUser(browser, baseURL!, user.id);
  });
});
