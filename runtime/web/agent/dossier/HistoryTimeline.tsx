import type { HistoryEntry } from './dossierTypes.ts';

const EVENT_LABELS: Record<string, string> = {
  created: 'Dossier créé',
  data_saved: 'Réponses enregistrées',
  transition: 'Action',
  message_sent: 'Message envoyé',
  attachment_added: 'Pièce jointe ajoutée',
  // The staff's own events (never in the applicant's history, docs/SECURITY.md §41).
  comment_added: 'Commentaire interne ajouté',
  followed: 'Dossier suivi',
  unfollowed: 'Dossier plus suivi',
};

const ASSIGNMENT_LABELS: Record<string, string> = {
  claim: 'Dossier pris en charge',
  assign: 'Dossier confié',
  release: 'Dossier libéré',
};

/** Names of what an event changed; form fields keep their own names. */
const CHANGE_LABELS: Record<string, string> = {
  assigneeId: 'agent en charge',
  unit: 'service',
  dueAt: 'échéance',
  priority: 'priorité',
};

function labelOf(entry: HistoryEntry): string {
  if (entry.transition) return entry.transition.label;
  if (entry.type === 'assignment_changed') {
    return ASSIGNMENT_LABELS[String(entry.details['mode'])] ?? 'Prise en charge modifiée';
  }
  return EVENT_LABELS[entry.type] ?? entry.type;
}

/**
 * The dossier's events, oldest first, as an ordered list: who, when, which action and
 * from which state to which, what the agent typed with it (a refusal's reason) and
 * which fields changed; the staff's own steps (comments, who handles it, follows) too. Every value is rendered as text (docs/SECURITY.md §11).
 */
export function HistoryTimeline({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <p>Aucun événement.</p>;
  return (
    <ol className="historique">
      {entries.map((entry) => (
        <li key={entry.seq}>
          <p>
            <time dateTime={entry.at}>{new Date(entry.at).toLocaleString('fr-FR')}</time> —{' '}
            <strong>{labelOf(entry)}</strong>
            {entry.from && entry.to ? ` (${entry.from.label} → ${entry.to.label})` : ''}
            {' par '}
            {entry.actorName ?? 'le système'}
          </p>
          {entry.input && Object.keys(entry.input).length > 0 ? (
            <dl className="saisie">
              {Object.entries(entry.input).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {entry.changes && Object.keys(entry.changes).length > 0 ? (
            <p className="changements">
              Modifié :{' '}
              {Object.keys(entry.changes)
                .map((name) => CHANGE_LABELS[name] ?? name)
                .join(', ')}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
