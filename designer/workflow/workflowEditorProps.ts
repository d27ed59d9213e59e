import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { WorkflowChange } from './workflowChanges.ts';

/** What the studio shell gives the « Circuit » tab. */
export interface WorkflowEditorProps {
  definition: DemarcheDefinition;
  /** Receives every edit; the shell applies it with `applyWorkflowChange`. */
  dispatch: (change: WorkflowChange) => void;
  /**
   * A state or transition to select and show (the checks panel opens a problem here);
   * a new object each time, so opening the same problem twice selects it again.
   */
  focus?: { state?: string | undefined; transition?: string | undefined } | null;
}
