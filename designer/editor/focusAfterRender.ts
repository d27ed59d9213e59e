/**
 * Moves keyboard focus to the first element matching one of `selectors` (tried in order)
 * once React has shown it (two animation frames: the state change commits, then the
 * browser lays it out), and opens the `<details>` around it. Used when the checks panel opens a field or the
 * general information, so a keyboard user lands where the problem is.
 *
 * @example
 * focusAfterRender('.proprietes input');
 */
export function focusAfterRender(...selectors: string[]): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      // The first selector that finds something: the precise target, then fallbacks.
      const element = selectors
        .map((selector) => document.querySelector<HTMLElement>(selector))
        .find((found) => found !== null);
      if (!element) return;
      const details = element.closest('details');
      if (details) details.open = true;
      element.focus();
    }),
  );
}
