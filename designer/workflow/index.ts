/**
 * The studio's workflow designer: what the studio shell may import from
 * `designer/workflow`. The editor component (a lazy boundary: xyflow and ELK load with
 * the tab) and the pure change reducer the shell's own reducer delegates to.
 */

export { WorkflowEditor } from './WorkflowEditor.tsx';
export {
  applyWorkflowChange,
  type StatePatch,
  type TransitionPatch,
  type WorkflowChange,
} from './workflowChanges.ts';
export type { WorkflowEditorProps } from './workflowEditorProps.ts';
