import { type FormEvent, useLayoutEffect, useState } from 'react';
import { Link } from 'wouter';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPCClient } from '../../api/trpcContext.ts';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';
import { forgetLinkToken, linkToken } from './linkToken.ts';

/**
 * Opened from the reset mail (`/reinitialiser#jeton=…`): a new password under the
 * sign-up policy (`auth.resetPassword`). On success every session of the account is
 * over, this browser's too, and the citizen logs in again.
 */
export function ResetPasswordPage() {
  const client = useTRPCClient();
  // Read when first shown, kept here for a retry after a refusal, and dropped from the
  // address bar once the page is committed: a render React throws away (the page loads
  // on demand, under Suspense) would otherwise have wiped it before the kept one. Before
  // the first paint, not after it: the page never shows with the token in the address.
  const [token] = useState(() => linkToken(window.location.hash));
  useLayoutEffect(() => forgetLinkToken(), []);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<{ message: string; field?: string; deadLink?: boolean }>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!token) return;
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      await client.auth.resetPassword.mutate({
        token,
        password: String(form.get('password') ?? ''),
      });
      setDone(true);
    } catch (error) {
      const refusal = domainErrorOf(error);
      const field = refusal?.fieldErrors['/password']?.[0] ?? refusal?.fieldErrors.password?.[0];
      setProblem({
        message: refusal?.message ?? 'Le changement a échoué. Réessayez dans un instant.',
        ...(field ? { field } : {}),
        deadLink: refusal?.code === 'ACCOUNT_LINK_INVALID',
      });
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <CitizenPage title="Mot de passe changé">
        <p role="status">
          Votre mot de passe a été changé. Par sécurité, toutes vos sessions ont été fermées :
          connectez-vous avec le nouveau mot de passe.
        </p>
        <p>
          <Link href={paths.login}>Se connecter</Link>
        </p>
      </CitizenPage>
    );
  }
  if (!token || problem?.deadLink) {
    return (
      <CitizenPage title="Lien de réinitialisation non valable">
        <p className="alerte" role="alert">
          {problem?.message ?? 'Ce lien est incomplet. Ouvrez le lien reçu par e-mail en entier.'}
        </p>
        <p>
          <Link href={paths.forgotPassword}>Demander un nouveau lien</Link>
        </p>
      </CitizenPage>
    );
  }
  const describedBy = [
    'reinit-mot-de-passe-aide',
    problem?.field ? 'reinit-mot-de-passe-erreur' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <CitizenPage title="Choisir un nouveau mot de passe">
      {problem ? (
        <p className="alerte" role="alert">
          {problem.message}
        </p>
      ) : null}
      <form className="formulaire-court" onSubmit={submit} noValidate>
        <div className="champ">
          <label htmlFor="reinit-mot-de-passe">
            Nouveau mot de passe <span className="obligatoire">(obligatoire)</span>
          </label>
          <p id="reinit-mot-de-passe-aide" className="champ-aide">
            12 caractères au moins ; une phrase de plusieurs mots est idéale.
          </p>
          <input
            id="reinit-mot-de-passe"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={problem?.field ? true : undefined}
            aria-describedby={describedBy}
          />
          {problem?.field ? (
            <p id="reinit-mot-de-passe-erreur" className="champ-erreurs">
              {problem.field}
            </p>
          ) : null}
        </div>
        <button type="submit" className="bouton" disabled={busy}>
          Enregistrer le mot de passe
        </button>
      </form>
    </CitizenPage>
  );
}
