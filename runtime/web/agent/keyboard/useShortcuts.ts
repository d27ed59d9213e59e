import { useEffect, useRef } from 'react';

/** Handlers by key (`'j'`, `'ArrowDown'`, `'Escape'`…); return false to let the key through. */
export type Shortcuts = Record<string, (event: KeyboardEvent) => unknown>;

/**
 * Page-wide single-key shortcuts. They stay out of the way of typing (inputs, text
 * areas, selects, editable content), of modifier combinations (the browser's and the
 * screen reader's) and of open dialogs, which own their keys.
 *
 * @example
 * useShortcuts({ j: () => select(+1), Escape: () => back() });
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('[role="dialog"], dialog[open]')) return;
      const handler = current.current[event.key];
      if (handler && handler(event) !== false) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}
