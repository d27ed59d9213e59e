/** The id react-aria looks for before injecting its `<style>` (react-aria usePress). */
const PRESSABLE_STYLE_ID = 'react-aria-pressable-style';

/**
 * react-aria's pressable components inject one inline `<style>` (a `touch-action` rule)
 * unless an element with its id is already in the head; our CSP (`style-src 'self'`)
 * blocks that inline style and reports a violation. The same rule lives in studio.css,
 * so this puts the marker in first and react-aria skips the injection.
 */
export function reactAriaStyleUnderCsp(): void {
  if (document.getElementById(PRESSABLE_STYLE_ID)) return;
  const marker = document.createElement('meta');
  marker.id = PRESSABLE_STYLE_ID;
  document.head.append(marker);
}
