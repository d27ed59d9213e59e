/** A transition a bulk action may offer, with its own form's schema when it has one. */
export interface BulkTransition {
  transition: string;
  label: string;
  input: { schema: unknown } | null;
}

/** What the queue knows of a selected dossier. */
export interface SelectedDossier {
  demarcheId: string;
  version: number;
  state: string;
}

const STAFF_ROLES = new Set(['agent', 'supervisor', 'admin']);

/**
 * The transitions worth offering for a selection: those of the selected dossiers'
 * published versions that leave the state of at least one of them and that staff may
 * fire, in definition order, once per id. The server still decides for each dossier
 * (role, unit, state, guard): a dossier the action does not fit is reported refused,
 * with its reason, and the others go ahead.
 *
 * @example
 * bulkTransitions({ 'd1:1': definition }, [{ demarcheId: 'd1', version: 1, state: 'depose' }]);
 * // [{ transition: 'prendre_en_charge', label: 'Prendre en charge', input: null }]
 */
export function bulkTransitions(
  definitions: Readonly<Record<string, unknown>>,
  selected: readonly SelectedDossier[],
): BulkTransition[] {
  const offered = new Map<string, BulkTransition>();
  for (const dossier of selected) {
    const transitions = transitionsOf(definitions[versionKey(dossier)]);
    for (const transition of transitions) {
      if (offered.has(transition.id)) continue;
      const leaves = transition.from === '*' || transition.from.includes(dossier.state);
      const byStaff = transition.by.some((role) => STAFF_ROLES.has(role));
      if (!leaves || !byStaff || transition.after) continue;
      offered.set(transition.id, {
        transition: transition.id,
        label: transition.label,
        input: transition.input ? { schema: transition.input.schema } : null,
      });
    }
  }
  return [...offered.values()];
}

/** The key of a published version in `definitions`. */
export const versionKey = (dossier: { demarcheId: string; version: number }) =>
  `${dossier.demarcheId}:${dossier.version}`;

interface TransitionShape {
  id: string;
  label: string;
  from: string[] | '*';
  by: string[];
  after?: unknown;
  input?: { schema: unknown };
}

/** Reads the transitions of a definition defensively: it comes over the wire. */
function transitionsOf(definition: unknown): TransitionShape[] {
  if (!isRecord(definition) || !isRecord(definition.workflow)) return [];
  const list = definition.workflow.transitions;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (transition): transition is TransitionShape =>
      isRecord(transition) &&
      typeof transition.id === 'string' &&
      typeof transition.label === 'string' &&
      (transition.from === '*' || Array.isArray(transition.from)) &&
      Array.isArray(transition.by),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
