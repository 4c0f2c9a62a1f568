// Help topics and forums as people use them: searching as they type (in their language, accents
// optional), the search in the URL, reading an article whose Markdown tries to inject markup,
// "Was this helpful?" across a reload, a member reaching help, and the case wizard's suggestion.
import { test, expect } from './fixtures';
import { signIn, mainNavigation } from './portal';
import { freshCustomer } from './users';
import { describeProblem } from './cases';
import { publishArticle } from './help';
import { accounts } from '../support/accounts';

test('a member reaches help from the navigation and opens an article from the results', async ({ page }) => {
  await signIn(page, accounts.member);
  await mainNavigation(page).getByRole('link', { name: 'Help and forums' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Help and forums' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /articles available/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Popular forum threads' })).toBeVisible();
  const thread = page.getByRole('link', { name: /Visits dropped by half/ });
  await expect(thread).toHaveAttribute('target', '_blank');
  await expect(thread).toHaveAttribute('rel', 'noopener noreferrer');

  await page.getByLabel('Search help articles').fill('classifications');
  await expect(page.getByRole('heading', { name: 'Search results' })).toBeVisible();
  await page.getByRole('link', { name: 'Classifications are not applied to reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Classifications are not applied to reports' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Check the import status' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to help' })).toBeVisible();
});

test('search finds seeded articles typed without accents, in French and in Spanish', async ({ page, browser, baseURL }) => {
  // Choosing a language saves it to the profile: a user of its own keeps the demo accounts in English.
  const me = await freshCustomer(browser, baseURL!, 'Polyglot Reader');
  await signIn(page, me);
  await page.goto('/help');
  await page.getByLabel('Language').selectOption('fr');
  await page.getByLabel('Rechercher dans les articles d\'aide').fill('mesures calculees');
  await expect(page.getByRole('link', { name: 'Les mesures calculées affichent des valeurs inattendues' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /article(s)? trouvé/ })).toBeVisible();

  await page.getByLabel('Langue').selectOption('es');
  await page.getByLabel('Buscar en los artículos de ayuda').fill('segmentacion');
  const result = page.getByRole('link', { name: 'Los segmentos no devuelven datos en Workspace' });
  await expect(result).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=segmentacion/);
  await result.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Los segmentos no devuelven datos en Workspace' })).toBeVisible();
  await expect(page.getByRole('group', { name: '¿Le ha resultado útil?' })).toBeVisible();
});

test('the search and the product filter live in the URL: a reload and the back button keep them', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/help');
  await page.getByLabel('Search help articles').fill('activity');
  await expect(page).toHaveURL(/q=activity/);
  await page.getByLabel('Product').selectOption('target');
  await expect(page).toHaveURL(/product=target/);
  const results = page.getByRole('region', { name: 'Search results' }).getByRole('listitem');
  await expect(results.first()).toBeVisible();
  await expect(results.filter({ hasText: 'Audience Manager' })).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel('Search help articles')).toHaveValue('activity');
  await expect(page.getByLabel('Product')).toHaveValue('target');
  await expect(page.getByRole('link', { name: 'An activity does not show on the site' })).toBeVisible();

  await page.goBack();
  await expect(page.getByLabel('Product')).toHaveValue('');
  await expect(page.getByLabel('Search help articles')).toHaveValue('activity');

  await page.getByLabel('Search help articles').fill('zzzz nothing like this');
  await expect(page.getByRole('status').filter({ hasText: 'No article matches your search.' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByLabel('Search help articles')).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Recently updated articles' })).toBeVisible();
});

test('an article whose Markdown holds a script, an onerror image and a javascript: link shows them as inert text', async ({ page, baseURL }) => {
  const slug = await publishArticle(page.request, baseURL!, {
    title: 'Markdown that tries to run code',
    body: [
      '## Raw HTML',
      '',
      '<script>window.__hacked = 1</script>',
      '',
      'An image: <img src="x" onerror="window.__hacked = 2"> and a [tempting link](javascript:window.__hacked=3).',
      '',
      'A [real link](https://docs.support-portal.example/safe).',
    ].join('\n'),
  });
  await signIn(page, accounts.supportAdmin);
  await page.goto(`/help/${slug}`);
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1, name: 'Markdown that tries to run code' })).toBeVisible();
  await expect(article.getByText('<script>window.__hacked = 1</script>')).toBeVisible();
  await expect(article.getByText('<img src="x" onerror="window.__hacked = 2">', { exact: false })).toBeVisible();
  await expect(article.locator('script, img, [onerror]')).toHaveCount(0);
  await expect(article.getByText('tempting link')).toBeVisible();
  await expect(article.getByRole('link', { name: /tempting link/ })).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  const real = article.getByRole('link', { name: /real link/ });
  await expect(real).toHaveAttribute('href', 'https://docs.support-portal.example/safe');
  await expect(real).toHaveAttribute('rel', 'noopener noreferrer');
  expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
});

test('the helpful vote is kept across a reload and can be changed', async ({ page }) => {
  await signIn(page, accounts.systemAdmin);
  await page.goto('/help/workspace-project-slow');
  const question = page.getByRole('group', { name: 'Was this helpful?' });
  await question.getByRole('radio', { name: 'Yes' }).check();
  await page.getByLabel('Anything to add? (optional)').fill('The list of steps solved it.');
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page.getByText('Thank you. Your answer is saved')).toBeVisible();

  await page.reload();
  await expect(question.getByRole('radio', { name: 'Yes' })).toBeChecked();
  await expect(page.getByLabel('Anything to add? (optional)')).toHaveValue('The list of steps solved it.');
  await expect(page.getByText('You found this article helpful.')).toBeVisible();

  await question.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page.getByText('Thank you. Your answer is saved')).toBeVisible();
  await page.reload();
  await expect(question.getByRole('radio', { name: 'No' })).toBeChecked();
  await expect(page.getByText('You found this article unhelpful.')).toBeVisible();
});

test('sending "Was this helpful?" without an answer says what is missing', async ({ page }) => {
  await signIn(page, accounts.member);
  await page.goto('/help/bot-traffic');
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page.getByRole('group', { name: 'Was this helpful?' })).toHaveAccessibleDescription('Choose Yes or No.');
});

test('a help suggestion in the case wizard opens its article', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await page.goto('/cases/new');
  await page.getByRole('radio', { name: 'Target' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Title').fill('Flicker before the test content shows');
  const suggestions = page.getByRole('region', { name: 'Help articles that may answer this' });
  const suggestion = suggestions.getByRole('link', { name: 'Flicker before the experience loads' });
  await expect(suggestion).toBeVisible();
  const [article] = await Promise.all([page.waitForEvent('popup'), suggestion.click()]);
  await expect(article.getByRole('heading', { level: 1, name: 'Flicker before the experience loads' })).toBeVisible();
  await expect(article).toHaveURL(/\/help\/flicker-before-experience$/);
  await expect(page.getByLabel('Title')).toHaveValue('Flicker before the test content shows');
});

test.describe('an unknown article', () => {
  // The browser logs the backend's 404 for the missing article; the page explains it.
  test.use({ expectedConsole: [/status of 404 \(Not Found\)/] });

  test('a deep link to an article that does not exist says so', async ({ page }) => {
    await signIn(page, accounts.member);
    await page.goto('/help/no-such-article');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('This help article does not exist, or it was removed.')).toBeVisible();
  });
});
