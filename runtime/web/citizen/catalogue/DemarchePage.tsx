import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { pageTenant } from '../../shell/pageTenant.ts';
import { StartWithoutAccount } from '../anonymous/StartWithoutAccount.tsx';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';
import { useSession } from '../session/useSession.ts';
import { whatToPrepare } from './whatToPrepare.ts';

/**
 * A démarche before starting: what it is for, its steps, the documents to prepare; then
 * « Commencer » (after logging in) opens a draft dossier, or « Reprendre » an existing one.
 */
export function DemarchePage({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const session = useSession();
  const [, navigate] = useLocation();
  const demarche = useQuery(
    trpc.demarches.getPublished.queryOptions({ tenant: pageTenant(), slug }),
  );
  const mine = useQuery({ ...trpc.dossiers.mine.queryOptions(), enabled: Boolean(session.data) });
  const create = useMutation(
    trpc.dossiers.create.mutationOptions({
      onSuccess: (created) => navigate(paths.fill(created.id)),
    }),
  );
  if (demarche.isError) {
    return (
      <CitizenPage title="Démarche introuvable">
        <p role="alert">
          {domainErrorOf(demarche.error)?.message ?? 'Cette démarche n’a pas pu être chargée.'}
        </p>
        <Link href={paths.catalogue}>Retour aux démarches</Link>
      </CitizenPage>
    );
  }
  if (!demarche.data) {
    return (
      <CitizenPage title="Démarche">
        <p role="status">Chargement…</p>
      </CitizenPage>
    );
  }
  const { title, description, form } = demarche.data;
  const preparation = whatToPrepare(form.schema, form.pages);
  const draft = mine.data?.find(
    (dossier) => dossier.demarche.slug === slug && dossier.state.kind === 'draft',
  );
  return (
    <CitizenPage title={title}>
      {description ? <p className="chapeau">{description}</p> : null}
      <section aria-labelledby="titre-preparer">
        <h2 id="titre-preparer">Ce qu’il faut préparer</h2>
        {preparation.steps.length > 0 ? (
          <>
            <p>La demande se remplit en {preparation.steps.length} étape(s) :</p>
            <ol>
              {preparation.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </>
        ) : null}
        {preparation.documents.length > 0 ? (
          <>
            <p>Pièces justificatives à joindre :</p>
            <ul>
              {preparation.documents.map((document) => (
                <li key={document.title}>
                  {document.title} ({document.formats})
                  {document.required ? ' — obligatoire' : ' — facultatif'}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>Aucune pièce justificative n’est demandée.</p>
        )}
        <p>Vos réponses sont enregistrées au fur et à mesure : vous pourrez reprendre plus tard.</p>
      </section>
      <div className="actions">
        {!session.data ? (
          <>
            <Link
              className="bouton"
              href={`${paths.login}?retour=${encodeURIComponent(paths.demarche(slug))}`}
            >
              Se connecter pour commencer
            </Link>
            {demarche.data.anonymous ? <StartWithoutAccount slug={slug} /> : null}
          </>
        ) : draft ? (
          <Link className="bouton" href={paths.fill(draft.id)}>
            Reprendre mon brouillon
          </Link>
        ) : (
          <button
            type="button"
            className="bouton"
            disabled={create.isPending}
            onClick={() => create.mutate({ demarche: slug })}
          >
            Commencer la démarche
          </button>
        )}
      </div>
      {create.isError ? (
        <p className="alerte" role="alert">
          {domainErrorOf(create.error)?.message ?? 'Le dossier n’a pas pu être créé. Réessayez.'}
        </p>
      ) : null}
    </CitizenPage>
  );
}
