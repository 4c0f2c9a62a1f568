// The accessibility check every journey shares: axe-core's WCAG 2.2 A/AA rules.
import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';

/** Runs axe-core's WCAG 2.2 A/AA rules on the page and lists each violation with its nodes. */
export async function wcagViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
