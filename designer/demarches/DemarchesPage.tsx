import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../runtime/server/router.ts';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import { LogoutButton } from '../session/LogoutButton.tsx';
import { StudioPage } from '../studio/StudioPage.tsx';
import { CreateDemarcheForm } from './CreateDemarcheForm.tsx';

type CurrentUser = NonNullable<inferRouterOutputs<AppRouter>['auth']['me']>;

const STATUS_LABELS = {
  unpublished: 'jamais publiée',
  published: 'publiée, à jour',
  modified: 'publiée, brouillon modifié',
} as const;

/** The tenant's démarches, each opening in the editor, and the form to create one. */
export function DemarchesPage({
  user,
  onOpen,
  onCollectivite,
}: {
  user: CurrentUser;
  onOpen: (id: string) => void;
  onCollectivite: () => void;
}) {
  const trpc = useTRPC();
  const demarches = useQuery(trpc.demarches.list.queryOptions());
  return (
    <StudioPage title="Mes démarches">
      <p className="barre-compte">
        Connecté·e : {user.displayName} ({user.tenant.name}) <LogoutButton />
      </p>
      <p>
        <button type="button" onClick={onCollectivite}>
          Ma collectivité : services, personnel, apparence
        </button>
      </p>
      <section aria-labelledby="titre-liste">
        <h2 id="titre-liste">Démarches de l’organisation</h2>
        {demarches.isPending ? <p role="status">Chargement des démarches…</p> : null}
        {demarches.isError ? (
          <p role="alert" className="message-erreur">
            Les démarches n’ont pas pu être chargées. Veuillez réessayer.
          </p>
        ) : null}
        {demarches.data?.length === 0 ? (
          <p>Aucune démarche pour l’instant : créez la première ci-dessous.</p>
        ) : null}
        <ul className="demarches">
          {demarches.data?.map((demarche) => (
            <li key={demarche.id}>
              <h3>
                <button type="button" className="lien-bouton" onClick={() => onOpen(demarche.id)}>
                  {demarche.title}
                </button>
              </h3>
              <p>
                Identifiant <code>{demarche.slug}</code> —{' '}
                {demarche.latestVersion === null
                  ? STATUS_LABELS[demarche.draftStatus]
                  : `version ${demarche.latestVersion}, ${STATUS_LABELS[demarche.draftStatus]}`}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <CreateDemarcheForm onCreated={onOpen} />
    </StudioPage>
  );
}
