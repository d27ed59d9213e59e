import type {
  FormPage,
  JsonSchema,
  Priority,
  StateKind,
  UiSchema,
} from '../../../shared/definition/types.ts';
import { type AllowedAction, allowedActions } from '../../../shared/engine/index.ts';
import type { SessionActor } from '../trpc/context.ts';
import { engineActor } from './dossierContext.ts';
import { type DossierRow, toSnapshot } from './dossierSnapshot.ts';
import { editableFields } from './editableFields.ts';
import type { PublishedVersion } from './publishedDefinition.ts';

/** An action the caller may fire, with the form it asks for (a refusal's reason…). */
export type ActionView = AllowedAction & { input?: { schema: JsonSchema; uiSchema?: UiSchema } };

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
  form: { schema: JsonSchema; uiSchema: UiSchema | null; pages: FormPage[] | null };
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
  const actions = allowedActions(definition, snapshot, engineActor(session)).map((action) => {
    const input = transitions.get(action.transition)?.input;
    return input === undefined ? action : { ...action, input };
  });
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
    },
  };
}
