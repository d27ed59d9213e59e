import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { applyDraftChanges } from './applyDraftChange.ts';
import type { DraftChange } from './draftChange.ts';

/** Undo steps kept; older ones are forgotten (a definition is a few hundred KB at most). */
export const MAX_UNDO_STEPS = 200;

/** The draft being edited and the drafts undo and redo lead to. */
export interface EditHistory {
  past: readonly DemarcheDefinition[];
  present: DemarcheDefinition;
  future: readonly DemarcheDefinition[];
  /**
   * What the last step edited (`coalesceKeyOf`): a step editing the same thing right
   * after joins it, so typing a label or dragging a node is one undo step, not fifty.
   */
  lastKey: string | null;
}

export type HistoryAction =
  | { type: 'apply'; changes: readonly DraftChange[] }
  | { type: 'undo' }
  | { type: 'redo' }
  /** A draft from elsewhere (the server, after a reload): history starts over from it. */
  | { type: 'load'; definition: DemarcheDefinition };

/**
 * A history starting at `definition`, nothing to undo or redo.
 *
 * @example
 * const [history, send] = useReducer(editHistory, draft, startHistory);
 */
export function startHistory(definition: DemarcheDefinition): EditHistory {
  return { past: [], present: definition, future: [], lastKey: null };
}

/**
 * The reducer of undo/redo over `applyDraftChanges`. A dispatch that changes nothing
 * records nothing (and keeps the redo steps); any other empties the redo steps.
 *
 * @example
 * editHistory(history, { type: 'undo' }).present; // the draft before the last step
 */
export function editHistory(history: EditHistory, action: HistoryAction): EditHistory {
  switch (action.type) {
    case 'apply': {
      const present = applyDraftChanges(history.present, action.changes);
      if (present === history.present) return history;
      const key = coalesceKeyOf(action.changes);
      if (key === 'view') return { ...history, present };
      if (key !== null && key === history.lastKey && history.past.length > 0) {
        return { ...history, present, future: [] };
      }
      const past = [...history.past, history.present].slice(-MAX_UNDO_STEPS);
      return { past, present, future: [], lastKey: key };
    }
    case 'undo': {
      const previous = history.past.at(-1);
      if (previous === undefined) return history;
      return {
        past: history.past.slice(0, -1),
        present: previous,
        future: [history.present, ...history.future],
        lastKey: null,
      };
    }
    case 'redo': {
      const [next, ...future] = history.future;
      if (next === undefined) return history;
      return { past: [...history.past, history.present], present: next, future, lastKey: null };
    }
    case 'load':
      return startHistory(action.definition);
  }
}

/**
 * What a dispatch edits, when consecutive ones should make one undo step: the same
 * properties of the same field, state, transition, section or meta; node positions;
 * `view` for the viewport alone (never an undo step). Null: a step of its own.
 */
export function coalesceKeyOf(changes: readonly DraftChange[]): string | null {
  if (changes.length > 0 && changes.every((change) => change.type === 'setViewport')) return 'view';
  if (changes.length !== 1) {
    return changes.every((c) => c.type === 'setPositions' || c.type === 'setViewport')
      ? 'positions'
      : null;
  }
  const change = changes[0]!;
  switch (change.type) {
    case 'setPositions':
      return 'positions';
    case 'updateField':
      // Typing a label or a help text coalesces; a rename or a required toggle is a step.
      return change.rename === undefined && change.required === undefined
        ? `field:${change.name}:${keysOf(change, ['type', 'name'])}`
        : null;
    case 'updateState':
      return change.patch.id === undefined
        ? `state:${change.id}:${Object.keys(change.patch).sort()}`
        : null;
    case 'updateTransition':
      return change.patch.id === undefined
        ? `transition:${change.id}:${Object.keys(change.patch).sort()}`
        : null;
    case 'updateSection':
      return `section:${change.id}:${keysOf(change, ['type', 'id'])}`;
    case 'setMeta':
      return `meta:${Object.keys(change.patch).sort()}`;
    default:
      return null;
  }
}

function keysOf(change: object, except: readonly string[]): string {
  return Object.keys(change)
    .filter((key) => !except.includes(key))
    .sort()
    .join(',');
}
