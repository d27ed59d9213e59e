/**
 * A dossier's state as its applicant reads it: the démarche's own label, and for a draft
 * that it is not sent yet.
 *
 * @example
 * stateInWords({ label: 'Brouillon', kind: 'draft' }); // 'Brouillon — pas encore envoyé'
 */
export function stateInWords(state: { label: string; kind: string | null }): string {
  if (state.kind === 'draft') return `${state.label} — pas encore envoyé`;
  if (state.kind === 'final') return `${state.label} — dossier clos`;
  return state.label;
}

const dates = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

/** « 4 décembre 2026 à 10:30 », Paris time. */
export function dateInWords(iso: string): string {
  return dates.format(new Date(iso));
}
