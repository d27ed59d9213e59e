import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { StudioPage } from '../studio/StudioPage.tsx';
import { DraftWorkspace } from './DraftWorkspace.tsx';

/** Loads a démarche's draft and opens it in the workspace. */
export function DemarcheEditorPage({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.demarches.get.queryOptions({ id }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!detail.data) {
    return (
      <StudioPage title="Ouverture de la démarche">
        {detail.isError ? (
          <p role="alert" className="message-erreur">
            Cette démarche n’a pas pu être ouverte.
          </p>
        ) : (
          <p role="status">Chargement du brouillon…</p>
        )}
        <button type="button" className="bouton-secondaire" onClick={onClose}>
          Retour à la liste
        </button>
      </StudioPage>
    );
  }
  return (
    <DraftWorkspace
      key={detail.data.id}
      id={detail.data.id}
      initial={detail.data.draft as unknown as DemarcheDefinition}
      revision={detail.data.draftRevision}
      onClose={onClose}
    />
  );
}
