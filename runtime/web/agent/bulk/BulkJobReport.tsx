import type { inferRouterOutputs } from '@trpc/server';
import { useEffect, useId, useRef } from 'react';
import type { AppRouter } from '../../../server/router.ts';

export type BulkJobView = inferRouterOutputs<AppRouter>['dossiers']['bulkJobs']['get'];

/** How the queue showed the selected dossiers, in the selection's order, while this page has them. */
export type KnownDossiers = ReadonlyArray<{ reference: string | null; applicantName: string }>;

/**
 * The report of a finished bulk job, one line per dossier, refusals first with the
 * server's reason. A dossier the page no longer knows (the agent left and came back) is
 * named by its reference when it was acted on, else by its place in the selection.
 */
export function BulkJobReport({ job, known }: { job: BulkJobView; known: KnownDossiers }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const lines = [...job.lines].sort(
    (a, b) => Number(a.outcome?.ok ?? false) - Number(b.outcome?.ok ?? false),
  );
  return (
    <div className="rapport">
      <h3 id={id} tabIndex={-1} ref={heading}>
        Résultat : {job.done.toLocaleString('fr-FR')} effectué(s),{' '}
        {job.refused.toLocaleString('fr-FR')} refusé(s)
      </h3>
      <table aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col">Dossier</th>
            <th scope="col">Résultat</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const shown = known[line.position];
            const name = shown
              ? `${shown.reference ?? ''} — ${shown.applicantName}`
              : (line.reference ?? `Dossier n° ${line.position + 1} de la sélection`);
            const outcome = line.outcome;
            return (
              <tr key={line.position} className={outcome?.ok ? 'fait' : 'refuse'}>
                <th scope="row">{name}</th>
                <td>
                  {outcome === null
                    ? 'Non traité'
                    : outcome.ok
                      ? 'Effectué'
                      : `Refusé : ${outcome.message}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
