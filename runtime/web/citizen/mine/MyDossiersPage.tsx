import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTRPC } from '../../api/trpcContext.ts';
import { ResendConfirmation } from '../account/ResendConfirmation.tsx';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';
import { useSession } from '../session/useSession.ts';
import { dateInWords, stateInWords } from './stateInWords.ts';

/** « Mes dossiers »: the citizen's dossiers, newest first, with their state in words. */
export function MyDossiersPage() {
  const trpc = useTRPC();
  const session = useSession();
  const mine = useQuery({ ...trpc.dossiers.mine.queryOptions(), enabled: Boolean(session.data) });
  if (session.isSuccess && !session.data) {
    return (
      <CitizenPage title="Mes dossiers">
        <p>
          <Link href={`${paths.login}?retour=${encodeURIComponent(paths.mine)}`}>
            Connectez-vous
          </Link>{' '}
          pour voir vos dossiers.
        </p>
      </CitizenPage>
    );
  }
  return (
    <CitizenPage title="Mes dossiers">
      {session.data?.emailConfirmed === false ? (
        <section aria-labelledby="adresse-a-confirmer">
          <h2 id="adresse-a-confirmer">Confirmez votre adresse e-mail</h2>
          <p>
            Pour déposer un dossier, ouvrez le lien envoyé à {session.data.email} lors de votre
            inscription. Vous pouvez déjà préparer vos brouillons.
          </p>
          <ResendConfirmation email={session.data.email} />
        </section>
      ) : null}
      {mine.isError ? <p role="alert">Vos dossiers n’ont pas pu être chargés. Réessayez.</p> : null}
      {mine.data?.length === 0 ? (
        <p>
          Vous n’avez pas encore de dossier. <Link href={paths.catalogue}>Voir les démarches</Link>
        </p>
      ) : null}
      {mine.data && mine.data.length > 0 ? (
        <ul className="cartes">
          {mine.data.map((dossier) => (
            <li key={dossier.id}>
              <h2>
                <Link href={paths.dossier(dossier.id)}>
                  {dossier.demarche.title}
                  {dossier.reference ? ` — ${dossier.reference}` : ''}
                </Link>
              </h2>
              <p>État : {stateInWords(dossier.state)}</p>
              <p>Dernière modification : {dateInWords(dossier.updatedAt)}</p>
              {dossier.state.kind === 'draft' ? (
                <Link href={paths.fill(dossier.id)}>Reprendre ce brouillon</Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!mine.data && !mine.isError ? <p role="status">Chargement…</p> : null}
    </CitizenPage>
  );
}
