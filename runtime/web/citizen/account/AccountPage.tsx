import { Link } from 'wouter';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';
import { useSession } from '../session/useSession.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** « Mon compte »: who is signed in, and the password change. */
export function AccountPage() {
  const session = useSession();
  if (session.isSuccess && !session.data) {
    return (
      <CitizenPage title="Mon compte">
        <p>
          <Link href={`${paths.login}?retour=${encodeURIComponent(paths.account)}`}>
            Connectez-vous
          </Link>{' '}
          pour gérer votre compte.
        </p>
      </CitizenPage>
    );
  }
  return (
    <CitizenPage title="Mon compte">
      {session.data ? (
        <dl className="compte">
          <dt>Nom</dt>
          <dd>{session.data.displayName}</dd>
          <dt>Adresse électronique</dt>
          <dd>{session.data.email}</dd>
        </dl>
      ) : (
        <p role="status">Chargement…</p>
      )}
      <ChangePasswordForm />
    </CitizenPage>
  );
}
