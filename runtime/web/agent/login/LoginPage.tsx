import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { AppShell } from '../../shell/AppShell.tsx';
import { pageTenant } from '../../shell/pageTenant.ts';

/**
 * Signs an agent in to the page's tenant (its address's) with the existing `auth.login`; on success the whole cache is
 * refreshed, so `auth.me` shows the queue. A refusal is read out (role="alert") in the
 * server's French words, the same whatever was wrong (docs/SECURITY.md §2).
 */
export function LoginPage({ refused }: { refused: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const ids = { email: useId(), password: useId() };
  const login = useMutation(
    trpc.auth.login.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ tenant: pageTenant(), email, password });
  };
  const refusal = login.error
    ? (domainErrorOf(login.error)?.message ?? 'La connexion a échoué. Veuillez réessayer.')
    : refused
      ? 'Ce compte n’est pas un compte agent. Connectez-vous avec votre compte professionnel.'
      : null;
  return (
    <AppShell brand="Guichet" tagline="Espace agents" title="Connexion à l’espace agents">
      <form className="formulaire connexion" onSubmit={submit} noValidate>
        {refusal ? (
          <p className="alerte" role="alert">
            {refusal}
          </p>
        ) : null}
        <div className="champ">
          <label htmlFor={ids.email}>Adresse e-mail professionnelle</label>
          <input
            id={ids.email}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="champ">
          <label htmlFor={ids.password}>Mot de passe</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? 'Connexion…' : 'Se connecter'}
        </button>
      </form>
    </AppShell>
  );
}
