import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { pageTenant } from '../../shell/pageTenant.ts';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';
import { codeFromHash } from './codeFromHash.ts';

/**
 * « Suivre un dossier » (`/suivi`): the tracking code of a dossier filed without an
 * account opens it on this browser (status, messages, a complement to answer). A link
 * `/suivi#code=…` fills the field and sends it; the code is then wiped from the address
 * bar (a fragment never reaches the server, but it stays in the history).
 */
export function TrackingPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  const alert = useRef<HTMLParagraphElement>(null);
  const follow = useMutation(
    trpc.anonymous.follow.mutationOptions({
      onSuccess: async (followed) => {
        await queryClient.invalidateQueries({ queryKey: trpc.dossiers.pathKey() });
        navigate(paths.dossier(followed.dossierId));
      },
      onError: () => alert.current?.focus(),
    }),
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, from the address the page opened with
  useEffect(() => {
    const fromLink = codeFromHash(window.location.hash);
    if (fromLink === null) return;
    window.history.replaceState(null, '', window.location.pathname);
    setCode(fromLink);
    follow.mutate({ tenant: pageTenant(), code: fromLink });
  }, []);

  return (
    <CitizenPage title="Suivre un dossier">
      <p>
        Vous avez déposé un dossier sans compte ? Saisissez le code de suivi qui vous a été donné à
        l’envoi pour voir où il en est, lire les messages du service et y répondre.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          follow.mutate({ tenant: pageTenant(), code });
        }}
      >
        <div className="champ">
          <label htmlFor="code-suivi">Code de suivi</label>
          <p id="code-suivi-aide" className="aide">
            32 caractères, par exemple 7KQ2-M9XD-… (majuscules, espaces et tirets facultatifs).
          </p>
          <input
            id="code-suivi"
            name="code"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={code}
            aria-describedby={
              follow.isError ? 'code-suivi-aide code-suivi-erreur' : 'code-suivi-aide'
            }
            aria-invalid={follow.isError || undefined}
            onChange={(event) => setCode(event.target.value)}
          />
        </div>
        {follow.isError ? (
          <p id="code-suivi-erreur" className="alerte" role="alert" tabIndex={-1} ref={alert}>
            {domainErrorOf(follow.error)?.message ?? 'Le serveur n’a pas pu être joint. Réessayez.'}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="bouton" disabled={follow.isPending}>
            Voir mon dossier
          </button>
        </div>
      </form>
    </CitizenPage>
  );
}
