import type { Page } from 'playwright-core';

/** Rows scrolled per frame by default: a fast flick, well beyond what an agent's wheel does. */
export const FLICK_ROWS_PER_FRAME = 40;
const TIMEOUT_MS = 180_000;

/**
 * Scrolls the queue list down by `perFrame` rows every animation frame until row
 * `rows` is on screen (the list loads its next pages as it goes) and returns the time
 * between consecutive frames meanwhile (a frame the page's script or layout held longer
 * than 16.7 ms shows as a longer gap) and the deepest row reached. It gives up after
 * `TIMEOUT_MS`: the caller must check `rows`, the frames of a list that stalled are not
 * a measure of scrolling through it.
 *
 * @example
 * const { frames } = await measureScroll(page, 10_000);
 */
export async function measureScroll(
  page: Page,
  rows: number,
  perFrame = FLICK_ROWS_PER_FRAME,
): Promise<{ frames: number[]; rows: number }> {
  // tsx names functions with an `__name` helper the page does not have: a no-op there.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.evaluate(
    ({ rows, perFrame, timeoutMs }) =>
      new Promise<{ frames: number[]; rows: number }>((resolve) => {
        const list = document.querySelector<HTMLElement>(
          '[role="listbox"][aria-label="Dossiers de la file"]',
        );
        const row = list?.querySelector<HTMLElement>('[role="option"]');
        if (!list || !row) throw new Error('no queue list on the page');
        const rowHeight = row.getBoundingClientRect().height;
        const frames: number[] = [];
        const started = performance.now();
        let last = 0;
        // The deepest row seen on screen so far, not at the end: a list that jumps back
        // must not hide how far it got, nor pass for one that got there.
        let reached = 0;
        const deepest = () =>
          Math.max(
            reached,
            ...[...list.querySelectorAll('[role="option"]')].map((option) =>
              Number(option.getAttribute('aria-posinset') ?? 0),
            ),
          );
        const step = (now: number) => {
          if (last > 0) frames.push(now - last);
          last = now;
          reached = deepest();
          if (reached >= rows || now - started > timeoutMs) {
            resolve({ frames, rows: reached });
            return;
          }
          list.scrollTop = Math.min(list.scrollTop + perFrame * rowHeight, list.scrollHeight);
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { rows, perFrame, timeoutMs: TIMEOUT_MS },
  );
}
