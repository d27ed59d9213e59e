/**
 * The studio's editing core: what the form builder, the workflow graph and the JSON tab
 * may import. See README.md for the contract.
 */
export { applyDraftChange, applyDraftChanges } from './applyDraftChange.ts';
export type {
  DocumentChange,
  DraftChange,
  DraftDispatch,
  DraftEditorProps,
  FieldSpec,
  FormChange,
  WorkflowChange,
} from './draftChange.ts';
export { coalesceKeyOf, type EditHistory, editHistory, startHistory } from './editHistory.ts';
export { formOutline, type OutlineItem, orderedFieldNames, propertiesOf } from './formOutline.ts';
export { LEAD_PAGE_ID, pagedBySections } from './formPages.ts';
export type { Patch } from './mergePatch.ts';
export { type Autosave, type SavedDraft, type SaveStatus, useAutosave } from './useAutosave.ts';
export { type DraftEditor, useDraftEditor } from './useDraftEditor.ts';
export { SETTLE_DELAY_MS, useSettledValue } from './useSettledValue.ts';
export { useUndoShortcuts } from './useUndoShortcuts.ts';
export { useUnsavedWarning } from './useUnsavedWarning.ts';
