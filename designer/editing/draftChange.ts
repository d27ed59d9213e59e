import type {
  DemarcheDefinition,
  DemarcheMeta,
  FormRule,
  JsonSchema,
  NodePosition,
  StateDefinition,
  TransitionDefinition,
  Viewport,
} from '../../shared/definition/index.ts';
import type { Patch } from './mergePatch.ts';

/**
 * Every edit the studio can make to a draft, as plain data. The form builder, the
 * workflow graph and the JSON tab all `dispatch` these; one pure reducer
 * (`applyDraftChange`) applies them, so undo/redo, autosave and the sync between the
 * editors follow from the same stream (xyflow's `NodeChange` + `applyNodeChanges` is the
 * model). A change naming something that does not exist is ignored: the reducer returns
 * the definition it was given, unchanged and identical.
 */
export type DraftChange = FormChange | WorkflowChange | DocumentChange;

/** A field of the citizen form: a top-level property of `form.schema`. */
export interface FieldSpec {
  /** Property name (the key in the data), unique in the form. */
  name: string;
  /** The property's JSON Schema (title, type, format, enum…). */
  schema: JsonSchema;
  /** Its entry in the RJSF UI schema (`ui:widget`, `ui:help`, `x-kind`…); absent: none. */
  ui?: Record<string, unknown>;
  /** Listed in `form.schema.required`. */
  required?: boolean;
}

export type FormChange =
  /**
   * Inserts a field at `index` of the form outline (see `formOutline`: fields and section
   * headings in reading order); absent: at the end. Ignored if the name is taken.
   */
  | { type: 'addField'; field: FieldSpec; index?: number }
  /**
   * Replaces what is given of a field (`schema` and `ui` as a whole, `required` as a
   * flag); `rename` gives it another property name everywhere the form names it (order,
   * required, UI schema, sections, pages, computed values). Ignored if `name` is unknown
   * or `rename` is taken.
   */
  | {
      type: 'updateField';
      name: string;
      schema?: JsonSchema;
      ui?: Record<string, unknown>;
      required?: boolean;
      rename?: string;
    }
  /** Moves the outline item at `from` to `to` (indexes of `formOutline`); sections follow. */
  | { type: 'moveItem'; from: number; to: number }
  /** Removes a field everywhere the form names it (order, required, UI, sections, pages, computed). */
  | { type: 'removeField'; name: string }
  /** Inserts a titled section heading at `index` of the outline (absent: the end). */
  | {
      type: 'addSection';
      section: { id: string; title: string; description?: string };
      index?: number;
    }
  | { type: 'updateSection'; id: string; title?: string; description?: string | undefined }
  /** Removes a heading; its fields stay, under the heading above them (or none). */
  | { type: 'removeSection'; id: string }
  /** Sets one computed value's json-logic expression; `null` removes it. */
  | { type: 'setComputed'; field: string; expression: unknown | null }
  /** Replaces the form's cross-field rules (`form.rules`); an empty list removes them. */
  | { type: 'setRules'; rules: FormRule[] }
  /** The form in steps, one page per section (`form.pages` kept in line), or on one page. */
  | { type: 'setStepwise'; stepwise: boolean }
  /** Shows the step of section `id` only when the data matches `condition` (absent: always). */
  | { type: 'setPageCondition'; id: string; condition: JsonSchema | undefined };

export type WorkflowChange =
  /** Appends a state, with its node position when the graph knows it. Ignored if the id is taken. */
  | { type: 'addState'; state: StateDefinition; position?: NodePosition }
  /**
   * Merges `patch` into a state (a key set to `undefined` is removed). A new `id` is
   * followed everywhere: transitions, initial state, layout. Ignored if it is taken.
   */
  | { type: 'updateState'; id: string; patch: Patch<StateDefinition> }
  /**
   * Removes a state, its node position, the transitions that lead to it, and it from
   * the sources of the others (a transition left without any source is removed too).
   */
  | { type: 'removeState'; id: string }
  /** Appends a transition. Ignored if the id is taken. */
  | { type: 'addTransition'; transition: TransitionDefinition }
  /** Merges `patch` into a transition (a key set to `undefined` is removed). */
  | { type: 'updateTransition'; id: string; patch: Patch<TransitionDefinition> }
  | { type: 'removeTransition'; id: string }
  | { type: 'setInitialState'; id: string }
  /** Merges node positions (keyed by state id) into `workflow.layout.positions`. */
  | { type: 'setPositions'; positions: Record<string, NodePosition> }
  /** The graph's pan and zoom; `null` forgets it (« fit view »). Not an undo step. */
  | { type: 'setViewport'; viewport: Viewport | null };

export type DocumentChange =
  /** Merges into `meta` (title, description, reference prefix…). */
  | { type: 'setMeta'; patch: Patch<DemarcheMeta> }
  /** The whole document, as the JSON tab or a template gives it (valid or not). */
  | { type: 'replaceDefinition'; definition: DemarcheDefinition };

/** What an editor component receives: the current draft and the way to change it. */
export interface DraftEditorProps {
  definition: DemarcheDefinition;
  dispatch: DraftDispatch;
}

/** One call is one undo step, whether it carries one change or several. */
export type DraftDispatch = (change: DraftChange | readonly DraftChange[]) => void;
