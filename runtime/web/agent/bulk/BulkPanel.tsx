import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { ActionFields } from '../dossier/ActionFields.tsx';
import type { QueueItem } from '../queue/QueueList.tsx';
import { BulkJobProgress } from './BulkJobProgress.tsx';
import { BulkJobReport, type KnownDossiers } from './BulkJobReport.tsx';
import { bulkTransitions, versionKey } from './bulkTransitions.ts';

type Schema = Parameters<typeof ActionFields>[0]['schema'];

/** How often a running job's progress is read again. */
const PROGRESS_POLL_MS = 1000;
/** A job older than this is not shown again when the agent comes back. */
const RECENT_JOB_MS = 24 * 3600 * 1000;

/**
 * The bulk action bar of the queue: the selected dossiers, one action for all of them —
 * « Je m’en occupe », « Libérer », « Confier à » a colleague, or a transition of their
 * workflow with its one form — and then the report, one line per dossier, refusals
 * first with the server's reason (a colleague changed it since, a guard, a state the
 * action does not leave). Each dossier is acted on with the revision the queue showed
 * (docs/SECURITY.md §72), so nothing is applied over a change the agent did not see.
 * The action runs as a durable job on the server's worker (§130): a progress bar while it
 * runs, then the report; the agent's latest job comes back when they return to the queue.
 */
export function BulkPanel({ selected, clear }: { selected: QueueItem[]; clear: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = { action: useId(), colleague: useId() };
  const [choice, setChoice] = useState('');
  const [colleague, setColleague] = useState('');
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [jobId, setJobId] = useState<string | null>(null);
  const [known, setKnown] = useState<KnownDossiers>([]);
  // One key per « Appliquer »: a retried or doubled request finds the same job.
  const idempotencyKey = useRef(crypto.randomUUID());
  const bulk = useMutation(trpc.dossiers.bulkJobs.start.mutationOptions());
  const latest = useQuery(trpc.dossiers.bulkJobs.latest.queryOptions());
  // Coming back, the latest job shows again while it is recent: running, or its report.
  const recent =
    latest.data && Date.now() - Date.parse(latest.data.createdAt) < RECENT_JOB_MS
      ? latest.data
      : null;
  const shownJobId = jobId ?? recent?.id ?? null;
  const job = useQuery({
    ...trpc.dossiers.bulkJobs.get.queryOptions({ jobId: shownJobId ?? '' }),
    enabled: shownJobId !== null,
    refetchInterval: (query) => (query.state.data?.finished ? false : PROGRESS_POLL_MS),
  });
  const finished = job.data?.finished ?? false;
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() });
  }, [finished, queryClient, trpc]);

  const versions = [...new Map(selected.map((item) => [versionKey(item), item] as const)).values()];
  const definitions = useQueries({
    queries: versions.map((item) =>
      trpc.demarches.getVersion.queryOptions({ id: item.demarcheId, version: item.version }),
    ),
  });
  const loaded = Object.fromEntries(
    versions.map((item, index) => [versionKey(item), definitions[index]?.data?.definition]),
  );
  const transitions = bulkTransitions(loaded, selected);
  // Colleagues who may take the first ticked dossier; one who may not see another of
  // them gets that one refused, with its reason, in the report.
  const first = selected[0];
  const colleagues = useQuery({
    ...trpc.dossiers.assignees.queryOptions({ dossierId: first?.id ?? '' }),
    enabled: choice === 'assign' && first !== undefined,
  });
  const transition = choice.startsWith('t:')
    ? transitions.find((candidate) => `t:${candidate.transition}` === choice)
    : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const action =
      choice === 'claim' || choice === 'release'
        ? { kind: choice as 'claim' | 'release' }
        : choice === 'assign'
          ? { kind: 'assign' as const, to: { kind: 'agent' as const, userId: colleague } }
          : transition
            ? {
                kind: 'transition' as const,
                transition: transition.transition,
                ...(transition.input ? { input: values } : {}),
              }
            : null;
    if (action === null || (choice === 'assign' && colleague === '')) return;
    const items = selected.map((item) => ({ dossierId: item.id, revision: item.revision }));
    const started = await bulk.mutateAsync({
      items,
      action,
      idempotencyKey: idempotencyKey.current,
    });
    idempotencyKey.current = crypto.randomUUID();
    setKnown(selected);
    setJobId(started.jobId);
    setValues({});
    clear();
  };

  return (
    <section className="bloc groupee" aria-labelledby={`${ids.action}-titre`}>
      <h2 id={`${ids.action}-titre`}>Action groupée</h2>
      {selected.length > 0 ? (
        <form className="formulaire" onSubmit={submit}>
          <p>
            {selected.length.toLocaleString('fr-FR')} dossier(s) sélectionné(s).{' '}
            <button type="button" className="secondaire" onClick={clear}>
              Tout désélectionner
            </button>
          </p>
          <div className="champ">
            <label htmlFor={ids.action}>Action à appliquer</label>
            <select
              id={ids.action}
              value={choice}
              onChange={(event) => {
                setChoice(event.target.value);
                setValues({});
              }}
            >
              <option value="">Choisir une action…</option>
              <option value="claim">Je m’en occupe</option>
              <option value="release">Libérer</option>
              <option value="assign">Confier à un collègue…</option>
              {transitions.map((candidate) => (
                <option key={candidate.transition} value={`t:${candidate.transition}`}>
                  {candidate.label}
                </option>
              ))}
            </select>
          </div>
          {choice === 'assign' ? (
            <div className="champ">
              <label htmlFor={ids.colleague}>Collègue</label>
              <select
                id={ids.colleague}
                value={colleague}
                onChange={(event) => setColleague(event.target.value)}
              >
                <option value="">Choisir…</option>
                {colleagues.data?.items.map((item) => (
                  <option key={item.userId} value={item.userId}>
                    {item.me ? `${item.displayName} (moi)` : item.displayName}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {transition?.input ? (
            <ActionFields
              schema={transition.input.schema as Schema}
              values={values}
              errors={{}}
              change={(name, value) => setValues((all) => ({ ...all, [name]: value }))}
            />
          ) : null}
          {bulk.error ? (
            <p role="alert" className="alerte">
              {domainErrorOf(bulk.error)?.message ?? 'L’action groupée n’a pas pu être lancée.'}
            </p>
          ) : null}
          <button
            type="submit"
            disabled={bulk.isPending || choice === '' || (choice === 'assign' && colleague === '')}
          >
            {bulk.isPending
              ? 'Action en cours…'
              : `Appliquer à ${selected.length.toLocaleString('fr-FR')} dossier(s)`}
          </button>
        </form>
      ) : (
        <p>
          Cochez des dossiers de la file (Espace, ou Maj + ↓ pour une plage) pour leur appliquer une
          même action.
        </p>
      )}
      {job.data && !job.data.finished ? (
        <BulkJobProgress done={job.data.done + job.data.refused} total={job.data.total} />
      ) : null}
      {job.data?.finished ? <BulkJobReport key={job.data.id} job={job.data} known={known} /> : null}
    </section>
  );
}
