import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { AppShell } from '../../shell/AppShell.tsx';
import { invitationToken } from './invitationToken.ts';

/**
 * `/agent/invitation#jeton=…`: a new staff member chooses a password and their account
 * is created (`staff.acceptInvitation`, single-use and expiring: docs/SECURITY.md §40).
 * The token is read once from the fragment and wiped from the address at once, so it
 * stays out of the history, bookmarks and screenshots (§77). Then they sign in.
 */
export function InvitationPage() {
  const trpc = useTRPC();
  const [token] = useState(() => invitationToken(window.location.hash));
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const ids = { password: useId(), confirmation: useId(), hint: useId() };
  const accept = useMutation(trpc.staff.acceptInvitation.mutationOptions());
  useEffect(() => {
    document.title = 'Activer mon compte — Guichet, espace agents';
    if (window.location.hash !== '') {
      window.history.replaceState(null, '', window.location.pathname);
    }
    document.getElementById('contenu')?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differ = password !== confirmation;
    setMismatch(differ);
    if (!differ && token !== null) accept.mutate({ token, password });
  };
  const title = 'Activer mon compte agent';
  if (accept.isSuccess) {
    return (
      <AppShell brand="Guichet" tagline="Espace agents" title={title}>
        <p className="succes" role="status">
          Votre compte ({accept.data.email}) est activé. Vous pouvez maintenant vous connecter.
        </p>
        <p>
          <a href="/agent/">Se connecter à l’espace agents</a>
        </p>
      </AppShell>
    );
  }
  if (token === null) {
    return (
      <AppShell brand="Guichet" tagline="Espace agents" title={title}>
        <p className="alerte" role="alert">
          Ce lien d’invitation est incomplet. Ouvrez le lien reçu par e-mail tel quel, ou demandez
          une nouvelle invitation à l’administrateur de votre collectivité.
        </p>
      </AppShell>
    );
  }
  const refusal = accept.error
    ? (domainErrorOf(accept.error)?.message ?? 'L’activation a échoué. Veuillez réessayer.')
    : mismatch
      ? 'Les deux mots de passe ne sont pas identiques.'
      : null;
  return (
    <AppShell brand="Guichet" tagline="Espace agents" title={title}>
      <form className="formulaire" onSubmit={submit} noValidate>
        <p id={ids.hint}>
          Choisissez un mot de passe d’au moins 12 caractères : une phrase de plusieurs mots est
          plus facile à retenir et plus sûre. Évitez votre nom et votre adresse e-mail.
        </p>
        {refusal ? (
          <p className="alerte" role="alert">
            {refusal}
          </p>
        ) : null}
        <div className="champ">
          <label htmlFor={ids.password}>Mot de passe</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={128}
            aria-describedby={ids.hint}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div className="champ">
          <label htmlFor={ids.confirmation}>Confirmer le mot de passe</label>
          <input
            id={ids.confirmation}
            type="password"
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
          />
        </div>
        <button type="submit" disabled={accept.isPending}>
          {accept.isPending ? 'Activation…' : 'Activer mon compte'}
        </button>
      </form>
    </AppShell>
  );
}
