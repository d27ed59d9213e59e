import { useEffect } from 'react';

/**
 * While `unsaved`, leaving or reloading the page asks the browser's confirmation first
 * (the browser words the question; pages may no longer supply their own text).
 *
 * @example
 * useUnsavedWarning(autosave.status.kind !== 'saved');
 */
export function useUnsavedWarning(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    function onBeforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
      // Older Chromium versions still need returnValue set to show the dialog.
      event.returnValue = '';
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);
}
