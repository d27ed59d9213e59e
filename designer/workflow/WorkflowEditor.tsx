import { lazy, Suspense } from 'react';
import type { WorkflowEditorProps } from './workflowEditorProps.ts';

// xyflow and ELK load with the « Circuit » tab, not with the studio's first page.
const WorkflowDesigner = lazy(() => import('./WorkflowDesigner.tsx'));

/**
 * The studio's « Circuit » tab: the workflow as a graph (or as tables), a toolbar to add a
 * state and lay the graph out, and the properties of what is selected. A controlled
 * component: every edit goes out through `dispatch` as a `WorkflowChange`.
 *
 * @example
 * <WorkflowEditor definition={draft} dispatch={(change) => setDraft(applyWorkflowChange(draft, change))} />
 */
export function WorkflowEditor(props: WorkflowEditorProps) {
  return (
    <Suspense fallback={<p role="status">Chargement de l’éditeur du circuit…</p>}>
      <WorkflowDesigner {...props} />
    </Suspense>
  );
}
