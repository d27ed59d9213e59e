import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { domainErrorOf } from '../../runtime/web/api/domainErrorOf.ts';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import { pageTenant } from '../../runtime/web/shell/pageTenant.ts';

/**
 * Staff login for the studio (`auth.login`); on success the current user is read again
 * and the studio opens. The server's French refusal is shown as is (rate limit and
 * account lock included).
 */
export function LoginForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The address's collectivité, still editable: on the shared address (no host of its
  // own) an administrator of another collectivité signs in here too.
  const [tenant, setTenant] = useState(pageTenant);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorId = useId();
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() }),
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate({ tenant, email, password });
  }
  const failure = login.error
    ? (domainErrorOf(login.error)?.message ?? 'Connexion impossible. Veuillez réessayer.')
    : null;
  return (
    <form
      className="carte formulaire-connexion"
      onSubmit={submit}
      aria-describedby={failure ? errorId : undefined}
    >
      <p>Connectez-vous avec votre compte d’administrateur ou d’administratrice.</p>
      <div className="champ">
        <label htmlFor="connexion-organisation">Organisation</label>
        <input
          id="connexion-organisation"
          value={tenant}
          onChange={(event) => setTenant(event.target.value)}
          autoComplete="organization"
          required
        />
      </div>
      <div className="champ">
        <label htmlFor="connexion-courriel">Adresse e-mail</label>
        <input
          id="connexion-courriel"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          autoComplete="username"
          required
        />
      </div>
      <div className="champ">
        <label htmlFor="connexion-mot-de-passe">Mot de passe</label>
        <input
          id="connexion-mot-de-passe"
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
          required
        />
      </div>
      {failure ? (
        <p id={errorId} className="message-erreur" role="alert">
          {failure}
        </p>
      ) : null}
      <button type="submit" className="bouton-principal" disabled={login.isPending}>
        {login.isPending ? 'Connexion…' : 'Se connecter'}
      </button>
    </form>
  );
}
