import type {
  ComputedField,
  FormPage,
  FormSection,
  JsonSchema,
  Priority,
  StateKind,
  UiSchema,
} from '../../../shared/definition/types.ts';
import { type AllowedAction, allowedActions } from '../../../shared/engine/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { engineActor } from './dossierContext.ts';
import { type DossierRow, toSnapshot } from './dossierSnapshot.ts';
import { editableFields } from './editableFields.ts';
import type { PublishedVersion } from './publishedDefinition.ts';

/** An action the caller may fire, with the form it asks for (a refusal's reason…). */
export type ActionView = AllowedAction & {
  input?: { schema: JsonSchema; uiSchema?: UiSchema };
  /** The action sends the whole form (`validateForm`): the citizen's « submit ». */
  submitsForm?: true;
  /** The action closes the dossier (its target state is final): withdraw, close… */
  closes?: true;
};

/** A dossier as `get` shows it: data, state, what the caller may do and the form to show. */
export interface DossierView {
  id: string;
  reference: string | null;
  demarche: { id: string; slug: string; title: string; version: number };
  state: { id: string; label: string; kind: StateKind | null };
  revision: number;
  data: Record<string, unknown>;
  unitCode: string | null;
  assigneeId: string | null;
  priority: Priority;
  isApplicant: boolean;
  createdAt: string;
  submittedAt: string | null;
  enteredStateAt: string;
  dueAt: string | null;
  updatedAt: string;
  allowedActions: ActionView[];
  /** `'*'` or the field names the caller may change now through `saveDraft`. */
  editableFields: '*' | string[];
  /**
   * What the applicant's browser needs to render and fill the form of the dossier's own
   * version: its steps, titled groups, and computed fields (evaluated live, as the server
   * evaluates them again at every save).
   */
  form: {
    schema: JsonSchema;
    uiSchema: UiSchema | null;
    pages: FormPage[] | null;
    sections: FormSection[] | null;
    computed: ComputedField[];
    /**
     * The data sources its fields name (`x-source`): a static list's options, null for a
     * table or a URL source (searched through `dataSources.search`; a URL stays here).
     */
    sources: Array<{ id: string; options: Array<{ value: string; label: string }> | null }>;
  };
}

/**
 * Builds the view of a dossier for `session`: the engine lists the allowed actions for
 * this actor (with `blockedBy` when a guard holds them back), the state's rules the
 * editable fields.
 *
 * @example
 * return ok(dossierView(row, published, session));
 */
export function dossierView(
  row: DossierRow,
  published: PublishedVersion,
  session: SessionActor,
): DossierView {
  const definition = published.definition;
  const state = definition.workflow.states.find((s) => s.id === row.state);
  const snapshot = toSnapshot(row);
  const transitions = new Map(definition.workflow.transitions.map((t) => [t.id, t]));
  const finals = new Set(
    definition.workflow.states.filter((s) => s.kind === 'final').map((s) => s.id),
  );
  const actions = allowedActions(definition, snapshot, engineActor(session)).map(
    (action): ActionView => {
      const transition = transitions.get(action.transition);
      return {
        ...action,
        ...(transition?.input === undefined ? {} : { input: transition.input }),
        ...(transition?.validateForm === true ? { submitsForm: true as const } : {}),
        ...(finals.has(action.to) ? { closes: true as const } : {}),
      };
    },
  );
  const editable = editableFields(state, session, row.applicantId);
  return {
    id: row.id,
    reference: row.reference,
    demarche: {
      id: published.demarcheId,
      slug: published.slug,
      title: published.title,
      version: published.version,
    },
    state: { id: row.state, label: state?.label ?? row.state, kind: state?.kind ?? null },
    revision: row.revision,
    data: row.data,
    unitCode: row.unitCode,
    assigneeId: row.assigneeId,
    priority: snapshot.priority,
    isApplicant: row.applicantId === session.userId,
    createdAt: snapshot.createdAt,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    enteredStateAt: snapshot.enteredStateAt,
    dueAt: snapshot.dueAt,
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: actions,
    editableFields: editable === '*' ? '*' : [...editable],
    form: {
      schema: definition.form.schema,
      uiSchema: definition.form.uiSchema ?? null,
      pages: definition.form.pages ?? null,
      sections: definition.form.sections ?? null,
      computed: definition.computed ?? [],
      sources: (definition.dataSources ?? []).map((source) => ({
        id: source.id,
        options: source.kind === 'static' ? (source.options ?? []) : null,
      })),
    },
  };
}
