import type { Draft } from './useDraft.ts';

const WORDS = {
  saved: 'Vos réponses sont enregistrées.',
  pending: 'Modifications en attente d’enregistrement…',
  saving: 'Enregistrement en cours…',
  error: '',
  conflict: '',
} as const;

/**
 * Where the autosave stands, announced politely; after a failure the server's message
 * and a retry; after a conflict with another tab, the two ways out.
 */
export function SaveStatusLine({ draft }: { draft: Draft }) {
  if (draft.status === 'conflict') {
    return (
      <div className="alerte" role="alert">
        <p>
          Ce dossier a été modifié ailleurs (dans un autre onglet ou sur un autre appareil) depuis
          que vous l’avez ouvert. Vos réponses affichées ici n’ont pas été enregistrées et ne sont
          pas perdues : choisissez celles à garder.
        </p>
        <button type="button" className="bouton" onClick={() => void draft.keepMine()}>
          Garder mes modifications de cette page
        </button>{' '}
        <button type="button" className="bouton-secondaire" onClick={() => void draft.takeSaved()}>
          Reprendre la version enregistrée
        </button>
      </div>
    );
  }
  if (draft.status === 'error') {
    return (
      <div className="alerte" role="alert">
        <p>{draft.problem}</p>
        <button type="button" className="bouton-secondaire" onClick={() => void draft.saveNow()}>
          Réessayer l’enregistrement
        </button>
      </div>
    );
  }
  return (
    <p className="etat-enregistrement" role="status">
      {WORDS[draft.status]}
    </p>
  );
}
