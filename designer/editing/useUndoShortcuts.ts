import { useEffect } from 'react';

/**
 * Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes — Cmd on a Mac — anywhere in the page,
 * except inside an element marked `data-undo="native"` (the monaco editor keeps its own
 * undo while one types in it).
 *
 * @example
 * useUndoShortcuts(editor.undo, editor.redo);
 */
export function useUndoShortcuts(undo: () => void, redo: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = event.target;
      if (target instanceof Element && target.closest('[data-undo="native"]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);
}
