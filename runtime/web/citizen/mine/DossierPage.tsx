import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { ReceiptDownload } from '../../downloads/ReceiptDownload.tsx';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';
import { Messages } from './Messages.tsx';
import { requestText } from './requestText.ts';
import { dateInWords, stateInWords } from './stateInWords.ts';
import { Timeline } from './Timeline.tsx';

/**
 * One of the citizen's dossiers: its state, what they may do now (continue a draft,
 * answer a request for complement, withdraw), its letters, history and messages.
 */
export function DossierPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dossier = useQuery(trpc.dossiers.get.queryOptions({ id }));
  const history = useQuery(trpc.dossiers.history.queryOptions({ id }));
  const [confirming, setConfirming] = useState<string | null>(null);
  const act = useMutation(
    trpc.dossiers.act.mutationOptions({
      onSuccess: async () => {
        setConfirming(null);
        await queryClient.invalidateQueries({ queryKey: trpc.dossiers.pathKey() });
      },
    }),
  );
  if (dossier.isError) {
    return (
      <CitizenPage title="Dossier introuvable">
        <p role="alert">
          {domainErrorOf(dossier.error)?.message ?? 'Ce dossier n’a pas pu être chargé.'}
        </p>
        <Link href={paths.mine}>Retour à mes dossiers</Link>
      </CitizenPage>
    );
  }
  if (!dossier.data) {
    return (
      <CitizenPage title="Dossier">
        <p role="status">Chargement…</p>
      </CitizenPage>
    );
  }
  const view = dossier.data;
  const canEdit =
    view.isApplicant && (view.editableFields === '*' || view.editableFields.length > 0);
  const answering = canEdit && view.state.kind === 'active';
  // What the service asked for: the words typed with the transition into this state.
  const request = requestText(
    [...(history.data ?? [])].reverse().find((entry) => entry.to?.id === view.state.id)?.input ??
      null,
  );
  // Actions without a form of their own (withdraw); the form's own submission is in the fill pages.
  const simpleActions = view.allowedActions.filter(
    (action) => !action.input && !(canEdit && action === view.allowedActions[0]),
  );
  return (
    <CitizenPage title={`${view.demarche.title}${view.reference ? ` — ${view.reference}` : ''}`}>
      <dl className="resume-dossier">
        <div>
          <dt>État</dt>
          <dd>{stateInWords(view.state)}</dd>
        </div>
        {view.submittedAt ? (
          <div>
            <dt>Envoyé le</dt>
            <dd>{dateInWords(view.submittedAt)}</dd>
          </div>
        ) : null}
      </dl>
      {view.reference && view.isApplicant ? <ReceiptDownload id={view.id} /> : null}
      {view.state.kind === 'draft' && canEdit ? (
        <p>
          <Link className="bouton" href={paths.fill(view.id)}>
            Reprendre ce brouillon
          </Link>
        </p>
      ) : null}
      {answering ? (
        <section className="alerte" aria-labelledby="titre-complement">
          <h2 id="titre-complement">Le service attend un complément</h2>
          {request.length > 0 ? (
            <>
              <p>Le service vous demande :</p>
              {request.map((text) => (
                <blockquote key={text} className="message-texte">
                  {text}
                </blockquote>
              ))}
            </>
          ) : null}
          <p>Complétez ou corrigez vos réponses, puis renvoyez-les.</p>
          <Link className="bouton" href={paths.fill(view.id)}>
            Compléter mon dossier
          </Link>
        </section>
      ) : null}
      {simpleActions.length > 0 ? (
        <section aria-labelledby="titre-actions">
          <h2 id="titre-actions">Actions possibles</h2>
          {simpleActions.map((action) =>
            confirming === action.transition ? (
              <div key={action.transition} className="alerte" role="alert">
                <p>Confirmez-vous « {action.label} » ? Cette action ne peut pas être annulée.</p>
                <button
                  type="button"
                  className="bouton"
                  disabled={act.isPending}
                  onClick={() =>
                    act.mutate({
                      id: view.id,
                      transition: action.transition,
                      revision: view.revision,
                    })
                  }
                >
                  Oui, {action.label.toLowerCase()}
                </button>{' '}
                <button
                  type="button"
                  className="bouton-secondaire"
                  onClick={() => setConfirming(null)}
                >
                  Non, revenir
                </button>
              </div>
            ) : (
              <button
                key={action.transition}
                type="button"
                className="bouton-secondaire"
                onClick={() => setConfirming(action.transition)}
              >
                {action.label}
              </button>
            ),
          )}
          {act.isError ? (
            <p className="alerte" role="alert">
              {domainErrorOf(act.error)?.message ?? 'L’action n’a pas pu être faite. Réessayez.'}
            </p>
          ) : null}
        </section>
      ) : null}
      <Messages dossierId={view.id} />
      <Timeline id={view.id} />
    </CitizenPage>
  );
}
