import { test, expect } from './fixtures';
import { signIn, fillSignIn } from './portal';
import { accounts } from '../support/accounts';

// Switching language saves it to the profile: a backend of its own keeps other tests in English.
test.use({ isolated: true });

test('the system administrator switches to French, then Spanish, and sees the role named as the announcement does', async ({ page }) => {
  await signIn(page, accounts.systemAdmin);
  const language = page.getByLabel('Language');
  await language.selectOption('fr');
  await expect(page.getByText("Administrateur système d'assistance").first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await page.getByLabel('Langue').selectOption('es');
  await expect(page.getByText('Administrador del sistema de asistencia técnica').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
});

test('a slow save of an earlier language choice does not undo a newer one', async ({ page }) => {
  await signIn(page, accounts.systemAdmin);
  let held = 0;
  let releaseFrench: () => void = () => {};
  const frenchAnswered = new Promise<void>((resolve) => {
    page.route('**/api/v1/profile', async (route) => {
      if (held++ === 0) {
        // Hold the French save back until the user has already chosen Spanish.
        await new Promise<void>((release) => { releaseFrench = release; });
        await route.continue();
        resolve();
      } else {
        await route.continue();
      }
    });
  });
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await page.getByLabel('Langue').selectOption('es');
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
  releaseFrench();
  await frenchAnswered;
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
  await expect(page.getByLabel('Idioma')).toHaveValue('es');
});

test('while the session loads only a loading line shows, so the language select cannot be used before the profile\'s language applies', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByText('Administrateur du service clientèle').first()).toBeVisible();
  // Hold the session back: the profile (French) is not known yet.
  let releaseSession: () => void = () => {};
  const held = new Promise<void>((release) => { releaseSession = release; });
  await page.route('**/api/v1/session', async (route) => { await held; await route.continue(); });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole('status')).toHaveText('Loading…');
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  releaseSession();
  // The frame and the page arrive together, in the profile's language.
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour, ${accounts.supportAdmin.name}` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await expect(page.getByLabel('Langue')).toHaveValue('fr');
});

test('the chosen language stays after a reload and in a new browser, because the profile keeps it', async ({ page, browser, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByText('Administrateur du service clientèle').first()).toBeVisible();
  await page.reload();
  await expect(page.getByText('Administrateur du service clientèle').first()).toBeVisible();

  const other = await browser.newContext({ baseURL, locale: 'en-US' });
  const fresh = await other.newPage();
  await fresh.goto('/sign-in');
  await fillSignIn(fresh, accounts.supportAdmin.email, accounts.supportAdmin.password);
  await expect(fresh.getByRole('heading', { level: 1, name: `Bonjour, ${accounts.supportAdmin.name}` })).toBeVisible();
  await other.close();
});

test('a browser set to Spanish shows the sign-in page in Spanish before anyone signs in', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'es-ES' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión en el portal de asistencia técnica' })).toBeVisible();
  await expect(page.getByLabel('Correo electrónico')).toBeVisible();
  await context.close();
});

test('dates follow the language: the settings example reads differently in French', async ({ page }) => {
  await signIn(page, accounts.member);
  await page.getByRole('link', { name: 'Settings' }).click();
  const example = page.getByText(/^Dates and times appear like this:/);
  await expect(example).toContainText('2026');
  const english = await example.innerText();
  await page.getByRole('banner').getByLabel('Language').selectOption('fr');
  const french = page.getByText(/^Les dates et heures s'affichent ainsi :/);
  await expect(french).toContainText('mars');
  expect(await french.innerText()).not.toEqual(english);
});
