import type { Effect, Outcome, Role, StateKind } from '../../shared/definition/index.ts';

/**
 * The workflow designer's French catalogue: what the admin reads for each value of the
 * format. One place, so another language can follow.
 */
export const KIND_LABELS: Readonly<Record<StateKind, string>> = {
  draft: 'Brouillon',
  active: 'En cours',
  final: 'Final',
};

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  accepted: 'accepté',
  rejected: 'refusé',
  withdrawn: 'retiré',
  closed: 'clos',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  applicant: 'Usager (demandeur)',
  agent: 'Agent',
  supervisor: 'Superviseur',
  admin: 'Administrateur',
  system: 'Système (délais)',
};

export const EFFECT_LABELS: Readonly<Record<Effect['type'], string>> = {
  notify: 'Envoyer une notification',
  webhook: 'Appeler un service web',
  letter: 'Générer un courrier',
  assign: 'Affecter',
  route: 'Ré-aiguiller',
  setDueDate: 'Fixer une échéance',
  setPriority: 'Changer la priorité',
};

/** « En cours », « Final (accepté) »: a state's nature as its node and the list show it. */
export function describeKind(kind: StateKind, outcome: Outcome | undefined): string {
  return outcome && kind === 'final'
    ? `${KIND_LABELS[kind]} (${OUTCOME_LABELS[outcome]})`
    : KIND_LABELS[kind];
}
