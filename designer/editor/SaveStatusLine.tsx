import type { SaveStatus } from '../editing/index.ts';

const LABELS: Record<SaveStatus['kind'], string> = {
  saved: 'Toutes les modifications sont enregistrées.',
  pending: 'Modifications en attente d’enregistrement…',
  saving: 'Enregistrement…',
  conflict: 'Enregistrement suspendu : conflit de versions.',
  failed: 'Échec de l’enregistrement.',
};

/** Where the autosave stands, announced politely; a failed save can be retried. */
export function SaveStatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  return (
    <p className={`etat-enregistrement etat-${status.kind}`}>
      <span role="status">{status.kind === 'failed' ? status.message : LABELS[status.kind]}</span>
      {status.kind === 'failed' ? (
        <button type="button" onClick={onRetry}>
          Réessayer
        </button>
      ) : null}
    </p>
  );
}
