import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC, useTRPCClient } from '../../api/trpcContext.ts';
import { pageTenant } from '../../shell/pageTenant.ts';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths, returnPath } from '../paths.ts';

/** Log in with e-mail and password (`auth.login`), then back where the citizen was going. */
export function LoginPage() {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const search = useSearch();
  const [, navigate] = useLocation();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      await client.auth.login.mutate({
        tenant: pageTenant(),
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
      });
      await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      navigate(returnPath(search));
    } catch (error) {
      setProblem(
        domainErrorOf(error)?.message ??
          'La connexion a échoué. Vérifiez votre connexion à Internet et réessayez.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <CitizenPage title="Se connecter">
      {problem ? (
        <p className="alerte" role="alert">
          {problem}
        </p>
      ) : null}
      <form className="formulaire-court" onSubmit={submit} noValidate>
        <div className="champ">
          <label htmlFor="connexion-email">
            Adresse électronique <span className="obligatoire">(obligatoire)</span>
          </label>
          <input id="connexion-email" name="email" type="email" autoComplete="email" required />
        </div>
        <div className="champ">
          <label htmlFor="connexion-mot-de-passe">
            Mot de passe <span className="obligatoire">(obligatoire)</span>
          </label>
          <input
            id="connexion-mot-de-passe"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        <button type="submit" className="bouton" disabled={busy}>
          Se connecter
        </button>
      </form>
      <p>
        <Link href={paths.forgotPassword}>Mot de passe oublié ?</Link>
      </p>
      <p>
        Pas encore de compte ? <Link href={paths.signup}>Créer un compte</Link>
      </p>
    </CitizenPage>
  );
}
