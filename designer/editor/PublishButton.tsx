import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { domainErrorOf } from '../../runtime/web/api/domainErrorOf.ts';
import { useTRPC, useTRPCClient } from '../../runtime/web/api/trpcContext.ts';
import type { LintItem } from '../lint/studioLint.ts';
import { refusalDiagnostics } from './refusalDiagnostics.ts';

/**
 * Publishes the draft as the next version. Refused here while the checks list an error
 * (the list is pointed at), and by the server for what only it checks (webhook
 * addresses, unit codes); its refusal lists each problem. Everything shown is saved
 * first, so what is published is what the admin sees.
 */
export function PublishButton({
  id,
  lint,
  saveNow,
}: {
  id: string;
  lint: readonly LintItem[];
  saveNow: () => Promise<number | null>;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; problems: string[] } | null>(
    null,
  );
  const publish = useMutation({
    mutationFn: async () => {
      const revision = await saveNow();
      if (revision === null) throw new Error('unsaved');
      return client.demarches.publish.mutate({ id, revision });
    },
    onSuccess: async (version) => {
      setOutcome({
        ok: true,
        text: `Version ${version.version} publiée : les usagers la voient désormais.`,
        problems: [],
      });
      await queryClient.invalidateQueries({ queryKey: trpc.demarches.pathKey() });
    },
    onError: (error) => {
      const refusal = domainErrorOf(error);
      setOutcome({
        ok: false,
        text:
          refusal?.message ??
          'La publication n’a pas pu se faire : le brouillon n’est pas enregistré ou le serveur est injoignable.',
        problems: refusalDiagnostics(error),
      });
    },
  });
  const errors = lint.filter((item) => item.severity === 'error').length;
  function onPublish() {
    if (errors > 0) {
      setOutcome({
        ok: false,
        text: `Publication impossible : corrigez d’abord ${errors === 1 ? 'l’erreur signalée' : `les ${errors} erreurs signalées`} dans « Vérifications ».`,
        problems: [],
      });
      document.getElementById('titre-verification')?.scrollIntoView();
      return;
    }
    setOutcome(null);
    publish.mutate();
  }
  return (
    <div className="publication">
      <button
        type="button"
        className="bouton-principal"
        onClick={onPublish}
        disabled={publish.isPending}
      >
        {publish.isPending ? 'Publication…' : 'Publier'}
      </button>
      <div role="status" className={outcome?.ok === false ? 'message-erreur' : 'message-succes'}>
        {outcome ? <p>{outcome.text}</p> : null}
        {outcome && outcome.problems.length > 0 ? (
          <ul>
            {outcome.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
