import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { AppRouter } from '../../../server/router.ts';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { ActionFields } from '../dossier/ActionFields.tsx';
import type { QueueItem } from '../queue/QueueList.tsx';
import { bulkTransitions, versionKey } from './bulkTransitions.ts';

type BulkReport = inferRouterOutputs<AppRouter>['dossiers']['bulk'];
type Schema = Parameters<typeof ActionFields>[0]['schema'];

/** One line of the report: the dossier as the queue showed it, and what became of it. */
interface ReportLine {
  item: QueueItem;
  outcome: BulkReport['outcomes'][number];
}

/**
 * The bulk action bar of the queue: the selected dossiers, one action for all of them —
 * « Je m’en occupe », « Libérer », « Confier à » a colleague, or a transition of their
 * workflow with its one form — and then the report, one line per dossier, refusals
 * first with the server's reason (a colleague changed it since, a guard, a state the
 * action does not leave). Each dossier is acted on with the revision the queue showed
 * (docs/SECURITY.md §72), so nothing is applied over a change the agent did not see.
 */
export function BulkPanel({ selected, clear }: { selected: QueueItem[]; clear: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = { action: useId(), colleague: useId(), report: useId() };
  const [choice, setChoice] = useState('');
  const [colleague, setColleague] = useState('');
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [report, setReport] = useState<ReportLine[] | null>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);
  const bulk = useMutation(trpc.dossiers.bulk.mutationOptions());

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
  useEffect(() => {
    if (report) reportRef.current?.focus();
  }, [report]);

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
    const result = await bulk.mutateAsync({ items, action });
    const lines = selected.map((item, index) => ({ item, outcome: result.outcomes[index]! }));
    // Refusals first: they are what the agent has to look at.
    lines.sort((a, b) => Number(a.outcome.ok) - Number(b.outcome.ok));
    setReport(lines);
    setValues({});
    clear();
    await queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() });
  };

  const done = report?.filter((line) => line.outcome.ok).length ?? 0;
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
      {report ? (
        <div className="rapport">
          <h3 id={ids.report} tabIndex={-1} ref={reportRef}>
            Résultat : {done.toLocaleString('fr-FR')} effectué(s),{' '}
            {(report.length - done).toLocaleString('fr-FR')} refusé(s)
          </h3>
          <table aria-labelledby={ids.report}>
            <thead>
              <tr>
                <th scope="col">Dossier</th>
                <th scope="col">Résultat</th>
              </tr>
            </thead>
            <tbody>
              {report.map(({ item, outcome }) => (
                <tr key={item.id} className={outcome.ok ? 'fait' : 'refuse'}>
                  <th scope="row">
                    {item.reference} — {item.applicantName}
                  </th>
                  <td>{outcome.ok ? 'Effectué' : `Refusé : ${outcome.message}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
