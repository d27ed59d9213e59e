import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What the page shows after a server round trip, waited for: given time on a loaded
 * 2-core machine.
 *
 * @example
 * await poll(() => heading(page)).toBe('Mes dossiers');
 */
export function poll<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 20_000 });
}

/** The page's title (its one `h1`). */
export async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').textContent()) ?? '';
}

/** The title of the form step on screen. */
export async function stepTitle(page: Page): Promise<string> {
  return (await page.locator('#titre-etape').textContent()) ?? '';
}

/** Leaves the step with « Continuer » and waits for the step titled `title`. */
export async function nextStep(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Continuer' }).click();
  await poll(() => stepTitle(page)).toBe(title);
}
