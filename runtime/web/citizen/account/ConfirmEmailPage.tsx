import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC, useTRPCClient } from '../../api/trpcContext.ts';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';
import { useSession } from '../session/useSession.ts';
import { forgetLinkToken, linkToken } from './linkToken.ts';
import { ResendConfirmation } from './ResendConfirmation.tsx';

type Outcome = { kind: 'pending' } | { kind: 'confirmed' } | { kind: 'refused'; message: string };

/**
 * Opened from the sign-up mail (`/confirmer#jeton=…`): confirms the address at once
 * (`auth.confirmEmail`), then says so; a dead link says why and offers a new one.
 */
export function ConfirmEmailPage() {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'pending' });
  // The link is spent once: React may run an effect twice, the request goes once.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = linkToken(window.location.hash);
    forgetLinkToken();
    if (!token) {
      setOutcome({
        kind: 'refused',
        message: 'Ce lien est incomplet. Ouvrez le lien reçu par e-mail en entier.',
      });
      return;
    }
    client.auth.confirmEmail
      .mutate({ token })
      .then(async () => {
        setOutcome({ kind: 'confirmed' });
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      })
      .catch((error: unknown) =>
        setOutcome({
          kind: 'refused',
          message:
            domainErrorOf(error)?.message ??
            'La confirmation a échoué. Vérifiez votre connexion à Internet et rouvrez le lien.',
        }),
      );
  }, [client, queryClient, trpc]);

  if (outcome.kind === 'pending') {
    return (
      <CitizenPage title="Confirmation de votre adresse e-mail">
        <p role="status">Confirmation en cours…</p>
      </CitizenPage>
    );
  }
  if (outcome.kind === 'confirmed') {
    return (
      <CitizenPage title="Adresse e-mail confirmée">
        <p role="status">
          Merci : votre adresse e-mail est confirmée. Vous pouvez déposer vos dossiers.
        </p>
        <p>
          {session.data ? (
            <Link href={paths.mine}>Voir mes dossiers</Link>
          ) : (
            <Link href={paths.login}>Se connecter</Link>
          )}
        </p>
      </CitizenPage>
    );
  }
  return (
    <CitizenPage title="Lien de confirmation non valable">
      <p className="alerte" role="alert">
        {outcome.message}
      </p>
      {session.data && !session.data.emailConfirmed ? (
        <ResendConfirmation email={session.data.email} />
      ) : (
        <p>
          Connectez-vous pour demander un nouveau lien :{' '}
          <Link href={paths.login}>Se connecter</Link>
        </p>
      )}
    </CitizenPage>
  );
}
