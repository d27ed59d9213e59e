import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';

/**
 * The tracking code of a dossier filed without an account, shown once: given at once
 * after the first submission (the server keeps only its hash), with a copy button; later
 * visits may ask for a new one, which replaces it.
 */
export function TrackingCodePanel({ hasCode }: { hasCode: boolean }) {
  const trpc = useTRPC();
  const issue = useMutation(trpc.anonymous.issueCode.mutationOptions());
  const [copied, setCopied] = useState(false);
  const asked = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (hasCode || asked.current) return;
    asked.current = true;
    issue.mutate();
  }, [hasCode, issue]);

  const code = issue.data?.code;
  useEffect(() => {
    if (code) heading.current?.focus();
  }, [code]);

  async function copy() {
    if (!code) return;
    await navigator.clipboard.writeText(code);
    setCopied(true);
  }

  return (
    <section className="encadre" aria-labelledby="titre-code">
      <h2 id="titre-code" tabIndex={-1} ref={heading}>
        Votre code de suivi
      </h2>
      {code ? (
        <>
          <p>
            Vous avez déposé ce dossier sans compte. Notez ce code ou copiez-le : il ne sera plus
            affiché. Il vous permet de suivre votre dossier et de répondre au service sur la page «
            Suivre un dossier ».
          </p>
          <p>
            Si vous avez indiqué une adresse e-mail dans le formulaire, vous recevez aussi par
            courriel la référence du dossier et un code de suivi qui lui est propre.
          </p>
          <p>
            <code className="code-suivi" data-testid="code-suivi">
              {code}
            </code>
          </p>
          <p>
            <button type="button" className="bouton-secondaire" onClick={() => void copy()}>
              Copier le code
            </button>{' '}
            <span role="status">{copied ? 'Code copié.' : ''}</span>
          </p>
        </>
      ) : issue.isPending ? (
        <p role="status">Préparation de votre code…</p>
      ) : (
        <p>
          Un code de suivi a déjà été donné pour ce dossier. Si vous l’avez perdu, vous pouvez en
          obtenir un nouveau : l’ancien ne fonctionnera plus.{' '}
          <button type="button" className="bouton-lien" onClick={() => issue.mutate()}>
            Obtenir un nouveau code
          </button>
        </p>
      )}
      {issue.isError ? (
        <p className="alerte" role="alert">
          {domainErrorOf(issue.error)?.message ?? 'Le code n’a pas pu être obtenu. Réessayez.'}
        </p>
      ) : null}
    </section>
  );
}
