import { useCallback, useMemo, useReducer } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { DraftDispatch } from './draftChange.ts';
import { editHistory, startHistory } from './editHistory.ts';

export interface DraftEditor {
  definition: DemarcheDefinition;
  dispatch: DraftDispatch;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** Starts over from another draft (the server's, after a conflict): history is cleared. */
  load: (definition: DemarcheDefinition) => void;
}

/**
 * The draft being edited, as React state over `editHistory`: `dispatch` is stable, so
 * editors receiving it never re-render because of it.
 *
 * @example
 * const editor = useDraftEditor(detail.draft);
 * <WorkflowEditor definition={editor.definition} dispatch={editor.dispatch} />
 */
export function useDraftEditor(initial: DemarcheDefinition): DraftEditor {
  const [history, send] = useReducer(editHistory, initial, startHistory);
  const dispatch = useCallback<DraftDispatch>((change) => {
    send({ type: 'apply', changes: Array.isArray(change) ? change : [change] });
  }, []);
  const undo = useCallback(() => send({ type: 'undo' }), []);
  const redo = useCallback(() => send({ type: 'redo' }), []);
  const load = useCallback(
    (definition: DemarcheDefinition) => send({ type: 'load', definition }),
    [],
  );
  return useMemo(
    () => ({
      definition: history.present,
      dispatch,
      undo,
      redo,
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
      load,
    }),
    [history, dispatch, undo, redo, load],
  );
}
