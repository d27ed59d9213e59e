import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { ReceiptDownload } from '../../downloads/ReceiptDownload.tsx';
import { AppShell } from '../../shell/AppShell.tsx';
import { AccountBar, type Me } from '../AccountBar.tsx';
import { CommentThread } from '../collaboration/CommentThread.tsx';
import { HandlingPanel } from '../collaboration/HandlingPanel.tsx';
import { ShortcutHints } from '../keyboard/ShortcutHints.tsx';
import { useShortcuts } from '../keyboard/useShortcuts.ts';
import { dossierPath } from '../navigation/agentRoute.ts';
import { lastQueueAddress, neighbourOf, selectInQueue } from '../navigation/queueOrder.ts';
import { useAgentRoute } from '../navigation/useAgentRoute.ts';
import { ActionDialog } from './ActionDialog.tsx';
import { AnswerList } from './AnswerList.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { MessageThread } from './MessageThread.tsx';

const HINTS = [
  ['a', 'actions'],
  ['p', 'prise en charge'],
  ['c', 'commentaire interne'],
  ['j', 'dossier suivant'],
  ['k', 'dossier précédent'],
  ['Échap', 'retour à la file'],
] as const;

const COMMENT_FIELD = 'commentaire-interne';

const PRIORITY_LABELS = {
  low: 'Basse',
  normal: 'Normale',
  high: 'Haute',
  urgent: 'Urgente',
} as const;

/**
 * One dossier for an agent: summary, who handles it and who follows it, answers, files,
 * messages, private comments between agents, history and the actions the engine allows.
 * Keyboard: `a` opens the actions dialog, `p` goes to the handling buttons, `c` to a new
 * private comment, j/k the next or previous dossier of the queue, Escape back to the
 * queue (same filters, same row). Focus moves
 * to the page's main content when a dossier opens, and to a status line after an action.
 */
export function DossierPage({ id, me }: { id: string; me: Me }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useAgentRoute();
  const dossier = useQuery(trpc.dossiers.get.queryOptions({ id }));
  const history = useQuery(trpc.dossiers.history.queryOptions({ id }));
  const act = useMutation(trpc.dossiers.act.mutationOptions());
  const [dialog, setDialog] = useState<{ initial: string | null } | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Record<string, unknown>>>({});
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    selectInQueue(id);
    setDone(null);
    setDrafts({});
    document.getElementById('contenu')?.focus();
  }, [id]);
  const reference = dossier.data?.reference ?? '';
  useEffect(() => {
    document.title = `Dossier ${reference} — Guichet, espace agents`;
  }, [reference]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.dossiers.get.queryKey({ id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.dossiers.history.queryKey({ id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() }),
    ]);
  };
  const fire = async (transition: string, input: Record<string, unknown> | undefined) => {
    const current = dossier.data;
    if (!current) return;
    const label =
      current.allowedActions.find((a) => a.transition === transition)?.label ?? transition;
    await act.mutateAsync({
      id,
      transition,
      revision: current.revision,
      ...(input ? { input } : {}),
    });
    setDrafts((all) => ({ ...all, [transition]: {} }));
    await refresh();
    setDone(`Action « ${label} » enregistrée.`);
  };
  const go = (step: 1 | -1) => {
    const next = neighbourOf(id, step);
    if (next) navigate(dossierPath(next));
    return next !== null;
  };
  useShortcuts({
    a: () => {
      setDialog({ initial: null });
      return true;
    },
    p: () => {
      document
        .querySelector<HTMLButtonElement>('#titre-prise-en-charge ~ .boutons button')
        ?.focus();
      return true;
    },
    c: () => {
      document.getElementById(COMMENT_FIELD)?.focus();
      return true;
    },
    j: () => go(1),
    k: () => go(-1),
    Escape: () => {
      navigate(lastQueueAddress());
      return true;
    },
  });

  const data = dossier.data;
  const title = data ? `Dossier ${data.reference ?? ''}` : 'Dossier';
  return (
    <AppShell brand="Guichet" tagline="Espace agents" title={title}>
      <AccountBar me={me} />
      <p>
        <a
          href={lastQueueAddress()}
          onClick={(event) => {
            event.preventDefault();
            navigate(lastQueueAddress());
          }}
        >
          ← Retour à la file
        </a>
      </p>
      <ShortcutHints hints={HINTS} />
      {dossier.isPending ? <p role="status">Chargement du dossier…</p> : null}
      {dossier.isError ? (
        <p role="alert">
          {domainErrorOf(dossier.error)?.message ?? 'Le dossier n’a pas pu être chargé.'}
        </p>
      ) : null}
      {done ? (
        <p className="succes" role="status" tabIndex={-1} ref={doneRef}>
          {done}
        </p>
      ) : null}
      {data ? (
        <>
          <section aria-labelledby="titre-resume" className="bloc">
            <h2 id="titre-resume">Résumé</h2>
            <dl className="resume">
              <div>
                <dt>Démarche</dt>
                <dd>{data.demarche.title}</dd>
              </div>
              <div>
                <dt>État</dt>
                <dd>{data.state.label}</dd>
              </div>
              <div>
                <dt>Service</dt>
                <dd>{data.unitCode ?? 'Non attribué'}</dd>
              </div>
              <div>
                <dt>Assignation</dt>
                <dd>
                  {data.assigneeId === null
                    ? 'Non assigné'
                    : data.assigneeId === me.id
                      ? 'À moi'
                      : 'Un autre agent'}
                </dd>
              </div>
              <div>
                <dt>Priorité</dt>
                <dd>{PRIORITY_LABELS[data.priority]}</dd>
              </div>
              <div>
                <dt>Échéance</dt>
                <dd>{data.dueAt ? new Date(data.dueAt).toLocaleString('fr-FR') : 'Aucune'}</dd>
              </div>
              <div>
                <dt>Déposé le</dt>
                <dd>
                  {data.submittedAt ? new Date(data.submittedAt).toLocaleString('fr-FR') : '—'}
                </dd>
              </div>
            </dl>
            {data.reference ? <ReceiptDownload id={data.id} /> : null}
          </section>
          <section aria-labelledby="titre-prise-en-charge" className="bloc">
            <h2 id="titre-prise-en-charge">Prise en charge</h2>
            <HandlingPanel dossier={data} me={me} refresh={refresh} announce={setDone} />
          </section>
          <section aria-labelledby="titre-actions" className="bloc">
            <h2 id="titre-actions">Actions</h2>
            {data.allowedActions.length === 0 ? (
              <p>Aucune action n’est possible sur ce dossier pour vous.</p>
            ) : null}
            <ul className="liste-actions">
              {data.allowedActions.map((action) => (
                <li key={action.transition}>
                  <button
                    type="button"
                    disabled={(action.blockedBy?.length ?? 0) > 0}
                    aria-describedby={
                      action.blockedBy?.length ? `bloque-${action.transition}` : undefined
                    }
                    onClick={() => setDialog({ initial: action.transition })}
                  >
                    {action.label}
                  </button>
                  {action.blockedBy?.length ? (
                    <p className="bloque" id={`bloque-${action.transition}`}>
                      {action.blockedBy.map((failure) => failure.message).join(' ')}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="titre-reponses" className="bloc">
            <h2 id="titre-reponses">Réponses de l’usager</h2>
            <AnswerList dossier={data} />
          </section>
          <section aria-labelledby="titre-pieces" className="bloc">
            <h2 id="titre-pieces">Pièces jointes</h2>
            <AttachmentList attachments={data.attachments} />
          </section>
          <section aria-labelledby="titre-messages" className="bloc">
            <h2 id="titre-messages">Messages</h2>
            <MessageThread dossierId={id} />
          </section>
          <section aria-labelledby="titre-commentaires" className="bloc">
            <h2 id="titre-commentaires">Commentaires internes</h2>
            <CommentThread
              dossierId={id}
              textareaId={COMMENT_FIELD}
              onAdded={async () => {
                await refresh();
                setDone('Commentaire interne ajouté.');
              }}
            />
          </section>
          <section aria-labelledby="titre-historique" className="bloc">
            <h2 id="titre-historique">Historique</h2>
            {history.data ? (
              <HistoryTimeline entries={history.data} />
            ) : (
              <p>Chargement de l’historique…</p>
            )}
          </section>
          {dialog ? (
            <ActionDialog
              actions={data.allowedActions}
              initial={dialog.initial}
              drafts={drafts}
              saveDraft={(transition, values) =>
                setDrafts((all) => ({ ...all, [transition]: values }))
              }
              fire={fire}
              reload={refresh}
              close={() => setDialog(null)}
            />
          ) : null}
        </>
      ) : null}
    </AppShell>
  );
}
