import { wcagViolations } from './axe';
import { test, expect } from './fixtures';
import { signIn, mainNavigation } from './portal';
import { fileCase } from './cases';
import { createUser, freshCustomer, invitationLinkFor } from './users';
import { accounts } from '../support/accounts';

test('the sign-in page, with and without errors, meets WCAG 2.2 AA', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await wcagViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  expect(await wcagViolations(page)).toEqual([]);
});

test('every page the system administrator can open meets WCAG 2.2 AA', async ({ page }) => {
  await signIn(page, accounts.systemAdmin);
  const pages = ['Home', 'Cases', 'Chats', 'Service history', 'Help and forums', 'Contact support', 'Support users', 'Settings'];
  for (const name of pages) {
    await mainNavigation(page).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(page.getByText('Loading…')).toHaveCount(0);
    expect(await wcagViolations(page), `on ${name}`).toEqual([]);
  }
});

test('the access page and the member home page meet WCAG 2.2 AA', async ({ page }) => {
  await signIn(page, accounts.member);
  await expect(page.getByText(accounts.systemAdmin.name)).toBeVisible();
  expect(await wcagViolations(page)).toEqual([]);
  await page.goto('/support-users');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expect(page.getByText(accounts.systemAdmin.email)).toBeVisible();
  expect(await wcagViolations(page)).toEqual([]);
});

test('filing a case, every step of it, and a case page meet WCAG 2.2 AA', async ({ page, baseURL }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  await expect(page.getByRole('heading', { name: /Step 1 of 6/ })).toBeVisible();
  expect(await wcagViolations(page), 'step 1').toEqual([]);
  // Errors shown, then each step in turn.
  await page.getByRole('button', { name: 'Next' }).click();
  expect(await wcagViolations(page), 'step 1 with its error').toEqual([]);
  await page.getByRole('radio', { name: 'Target' }).check();
  for (let step = 2; step <= 6; step++) {
    await page.getByRole('navigation', { name: 'Steps of filing a case' }).getByRole('button').nth(step - 1).click();
    await expect(page.getByRole('heading', { name: new RegExp(`Step ${step} of 6`) })).toBeVisible();
    expect(await wcagViolations(page), `step ${step}`).toEqual([]);
  }

  const filed = await fileCase(page.request, baseURL!);
  await page.goto(`/cases/${filed.id}`);
  await expect(page.getByRole('heading', { level: 1, name: filed.title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close case' })).toBeVisible();
  expect(await wcagViolations(page), 'case page').toEqual([]);
});

test('the support-user administration pages and the set-password page meet WCAG 2.2 AA', async ({ page, browser, baseURL }) => {
  await signIn(page, accounts.systemAdmin);
  const user = await createUser(page.request, baseURL!, 'Axe Tester');
  const pages: [string, string][] = [
    ['/support-users', 'Support users'],
    ['/support-users/new', 'Add a support user'],
    [`/support-users/${user.id}`, 'Axe Tester'],
    ['/support-users/review', 'Review and validate'],
    ['/support-users/import', 'Import from CSV'],
    ['/support-users/audit', 'Audit log'],
  ];
  for (const [path, title] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Loading…')).toHaveCount(0);
    expect(await wcagViolations(page), `on ${path}`).toEqual([]);
  }
  await page.goto('/support-users/new');
  await page.getByRole('button', { name: 'Create and send the invitation' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  expect(await wcagViolations(page), 'the form with its errors').toEqual([]);
  await page.goto('/support-users/import');
  await page.getByLabel('CSV file').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('email,name,role\nnot-an-email,A,Owner\n') });
  await expect(page.getByRole('table', { name: 'Rows of the file' })).toBeVisible();
  expect(await wcagViolations(page), 'the import preview').toEqual([]);

  const invited = await (await browser.newContext({ baseURL })).newPage();
  await invited.goto(await invitationLinkFor(user.email));
  await expect(invited.getByLabel('New password')).toBeVisible();
  expect(await wcagViolations(invited), 'the set-password page').toEqual([]);
});

test('the chat panel, before and during a chat, meets WCAG 2.2 AA', async ({ page, browser, baseURL }) => {
  const me = await freshCustomer(browser, baseURL!, 'Axe Chatter');
  await signIn(page, me);
  await page.getByRole('button', { name: /^Chat with support/ }).click();
  const panel = page.getByRole('dialog', { name: 'Chat with support' });
  await expect(panel.getByLabel('Topic')).toBeVisible();
  expect(await wcagViolations(page), 'the pre-chat form').toEqual([]);
  await panel.getByLabel('Topic').fill('Axe');
  await panel.getByLabel('What do you need help with?').fill('Checking contrast.');
  await panel.getByRole('button', { name: 'Start the chat' }).click();
  await panel.getByLabel('Your message').fill('Hello');
  await panel.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(panel.getByText('Sent')).toBeVisible();
  expect(await wcagViolations(page), 'the conversation').toEqual([]);
});

test('the help page, with results and with none, and an article with its vote meet WCAG 2.2 AA in English, French and Spanish', async ({ page, browser, baseURL }) => {
  // Nine audits in three languages.
  test.setTimeout(120_000);
  // Switching language saves it to the profile: a user of its own keeps the demo accounts in English.
  const me = await freshCustomer(browser, baseURL!, 'Axe Reader');
  await signIn(page, me);
  const views = [
    { lang: 'en', title: 'Help and forums', search: 'Search help articles', words: 'report suite',
      article: 'Data is missing from a report suite', send: 'Send my answer', recent: 'Recently updated articles', choose: 'Choose Yes or No.' },
    { lang: 'fr', title: 'Aide et forums', search: "Rechercher dans les articles d'aide", words: 'suite de rapports',
      article: 'Des données manquent dans une suite de rapports', send: 'Envoyer ma réponse', recent: 'Articles récemment mis à jour', choose: 'Choisissez Oui ou Non.' },
    { lang: 'es', title: 'Ayuda y foros', search: 'Buscar en los artículos de ayuda', words: 'grupo de informes',
      article: 'Faltan datos en un grupo de informes', send: 'Enviar mi respuesta', recent: 'Artículos actualizados recientemente', choose: 'Elija Sí o No.' },
  ];
  for (const v of views) {
    await page.goto('/help');
    await page.getByRole('combobox', { name: /^(Language|Langue|Idioma)$/ }).selectOption(v.lang);
    await expect(page.getByRole('heading', { level: 1, name: v.title })).toBeVisible();
    await expect(page.getByRole('region', { name: v.recent }).getByRole('listitem').first()).toBeVisible();
    expect(await wcagViolations(page), `/help in ${v.lang}`).toEqual([]);

    await page.getByRole('searchbox', { name: v.search }).fill(v.words);
    await expect(page.getByRole('link', { name: v.article })).toBeVisible();
    expect(await wcagViolations(page), `a search in ${v.lang}`).toEqual([]);
    await page.getByRole('searchbox', { name: v.search }).fill('qqqqzzzz');
    await expect(page.getByRole('link', { name: v.article })).toHaveCount(0);
    expect(await wcagViolations(page), `no results in ${v.lang}`).toEqual([]);

    await page.goto('/help/report-suite-data-missing');
    await expect(page.getByRole('heading', { level: 1, name: v.article })).toBeVisible();
    await page.getByRole('button', { name: v.send }).click();
    await expect(page.getByText(v.choose)).toBeVisible();
    expect(await wcagViolations(page), `the article, with the vote's error, in ${v.lang}`).toEqual([]);
  }
});

test.describe('a backend in the enablement phase', () => {
  // Switching language saves it to the profile, and "Get started" shows only in this phase.
  test.use({ phase: 'enablement', isolated: true });

  test('the home page of each role and "Get started" meet WCAG 2.2 AA in English, French and Spanish', async ({ page, browser, baseURL }) => {
    // Six audits in three languages, then the member's home.
    test.setTimeout(120_000);
    const loading = /^(Loading…|Chargement…|Cargando…)$/;
    const views = [
      { lang: 'en', needsYou: 'What needs you', learning: 'Get started', done: 'Done: A five-minute tour of the Support Portal' },
      { lang: 'fr', needsYou: 'Ce qui vous attend', learning: 'Bien démarrer', done: "Terminé : Visite du portail d'assistance en cinq minutes" },
      { lang: 'es', needsYou: 'Lo que requiere su atención', learning: 'Primeros pasos', done: 'Completado: Recorrido de cinco minutos por el portal de asistencia técnica' },
    ];
    await signIn(page, accounts.systemAdmin);
    for (const v of views) {
      await page.goto('/');
      await page.getByRole('combobox', { name: /^(Language|Langue|Idioma)$/ }).selectOption(v.lang);
      await expect(page.getByRole('region', { name: v.needsYou })).toBeVisible();
      await expect(page.getByRole('progressbar')).toBeVisible();
      await expect(page.getByText(loading)).toHaveCount(0);
      expect(await wcagViolations(page), `the home page in ${v.lang}`).toEqual([]);

      await page.goto('/learning');
      await expect(page.getByRole('heading', { level: 1, name: v.learning })).toBeVisible();
      await page.getByRole('checkbox', { name: v.done }).check();
      await expect(page.getByRole('status').filter({ hasText: /^1 / })).toBeVisible();
      expect(await wcagViolations(page), `"Get started" in ${v.lang}`).toEqual([]);
      await page.getByRole('checkbox', { name: v.done }).uncheck();
      await expect(page.getByRole('status').filter({ hasText: /^0 / })).toBeVisible();
    }

    const member = await (await browser.newContext({ baseURL })).newPage();
    await signIn(member, accounts.member);
    await expect(member.getByRole('region', { name: 'Your support administrators' }).getByText(accounts.systemAdmin.name)).toBeVisible();
    await expect(member.getByRole('progressbar')).toBeVisible();
    await expect(member.getByText(loading)).toHaveCount(0);
    expect(await wcagViolations(member), "the member's home page").toEqual([]);
  });
});
