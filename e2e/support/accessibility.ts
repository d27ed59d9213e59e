import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Screenshots of every checked page and state, kept by CI as the run's artefacts. */
export const ARTIFACTS_DIR = join(import.meta.dirname, '../artifacts');

/** RGAA 4 follows WCAG 2.1 AA: the rules axe runs. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page as it is now (a dialog open, errors shown…) and saves a full-page
 * screenshot named `name`. Throws with each violation, its rule and the elements, so a
 * failing journey says what to fix.
 *
 * @example
 * await expectAccessible(page, 'catalogue-telephone');
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (results.violations.length === 0) return;
  const report = results.violations.map(
    (violation) =>
      `- ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n'),
  );
  throw new Error(`${name}: ${results.violations.length} axe violation(s)\n${report.join('\n')}`);
}
