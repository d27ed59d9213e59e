import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What the focused element is, as a keyboard user meets it. */
export interface Focused {
  tag: string;
  id: string;
  className: string;
  /** Its text, or for a field its label's text. */
  name: string;
  /** `:focus-visible` matches and an outline (or ring) is drawn. */
  visible: boolean;
}

/**
 * The focused element and whether its focus can be seen: `:focus-visible` matches and
 * the theme draws an outline at least 2 px wide (or a box shadow).
 *
 * @example
 * expect((await focused(page)).visible).toBe(true);
 */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (element === null || element === document.body) {
      return { tag: 'body', id: '', className: '', name: '', visible: false };
    }
    const style = getComputedStyle(element);
    const ring =
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) ||
      style.boxShadow !== 'none';
    const labels = (element as HTMLInputElement).labels;
    const name = (labels?.[0]?.textContent ?? element.textContent ?? '').trim();
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      className: typeof element.className === 'string' ? element.className : '',
      name,
      visible: element.matches(':focus-visible') && ring,
    };
  });
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until the focused element is the one `wanted`
 * accepts, checking that every element the focus passes through shows it; fails after
 * `limit` presses. The keyboard user's way to reach a control, instead of a click.
 *
 * @example
 * await tabTo(page, (f) => f.id === 'root_nom');
 * await tabTo(page, (f) => f.tag === 'button' && f.name === 'Continuer');
 */
export async function tabTo(
  page: Page,
  wanted: (element: Focused) => boolean,
  options: { backwards?: boolean; limit?: number } = {},
): Promise<Focused> {
  const limit = options.limit ?? 40;
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const element = await focused(page);
    if (element.tag !== 'body') {
      expect(element.visible, `focus not visible on ${JSON.stringify(element)}`).toBe(true);
    }
    if (wanted(element)) return element;
  }
  throw new Error(`Tab pressed ${limit} times without reaching the wanted element`);
}

/** A button or link with this exact text. */
export const control =
  (name: string) =>
  (element: Focused): boolean =>
    (element.tag === 'button' || element.tag === 'a') && element.name === name;

/** The form field with this id. */
export const field =
  (id: string) =>
  (element: Focused): boolean =>
    element.id === id;
