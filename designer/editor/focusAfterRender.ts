/**
 * Moves keyboard focus to the first element matching `selector` once React has shown
 * it (two animation frames: the state change commits, then the browser lays it out), and
 * opens the `<details>` around it. Used when the checks panel opens a field or the
 * general information, so a keyboard user lands where the problem is.
 *
 * @example
 * focusAfterRender('.proprietes input');
 */
export function focusAfterRender(selector: string): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const element = document.querySelector<HTMLElement>(selector);
      if (!element) return;
      const details = element.closest('details');
      if (details) details.open = true;
      element.focus();
    }),
  );
}
