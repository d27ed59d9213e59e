import { lazy, Suspense } from 'react';
import type { JsonEditorProps } from './jsonEditorProps.ts';

// Monaco is megabytes: only the studio's JSON tab ever loads it, when first shown.
const MonacoJsonEditor = lazy(() => import('./MonacoJsonEditor.tsx'));

/**
 * The studio's « JSON » tab: the whole definition in monaco, with completion, hover help
 * and errors from the format's own JSON Schema, in step with the other editors.
 *
 * @example
 * <JsonEditor definition={draft} dispatch={dispatch} />
 */
export function JsonEditor(props: JsonEditorProps) {
  return (
    <Suspense fallback={<p role="status">Chargement de l’éditeur JSON…</p>}>
      <MonacoJsonEditor {...props} />
    </Suspense>
  );
}
