/**
 * Moves focus to a field by its input id; for a group of radios (whose id is on the
 * group), to its first input. Scrolls it into view for sighted keyboard users.
 *
 * @example
 * focusField('root_situation');
 */
export function focusField(inputId: string): void {
  const element = document.getElementById(inputId);
  if (!element) return;
  const target = element.matches('input, select, textarea, button')
    ? element
    : element.querySelector<HTMLElement>('input, select, textarea, button');
  (target ?? element).focus();
  (target ?? element).scrollIntoView({ block: 'center' });
}
