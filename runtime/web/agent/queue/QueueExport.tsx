import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import type { QueueListInput } from '../navigation/queueFilters.ts';
import { exportAddress } from './exportAddress.ts';

/** How often a running export's progress is read again. */
const PROGRESS_POLL_MS = 1500;

type ExportFormat = 'csv' | 'xlsx';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'Exporter cette file en CSV',
  xlsx: 'Exporter cette file en Excel (XLSX)',
};

/**
 * « Exporter cette file », in CSV or Excel: up to 1,000 dossiers the file downloads at
 * once; above, the server writes it as a durable job — a progress line, then a download
 * link kept seven days for this agent only. The agent's latest export shows again when
 * they come back.
 */
export function QueueExport({ input }: { input: QueueListInput }) {
  const trpc = useTRPC();
  const id = useId();
  const key = useRef(crypto.randomUUID());
  const [exportId, setExportId] = useState<string | null>(null);
  const start = useMutation(trpc.queues.exports.start.mutationOptions());
  const latest = useQuery(trpc.queues.exports.latest.queryOptions());
  const shownId = exportId ?? latest.data?.id ?? null;
  const job = useQuery({
    ...trpc.queues.exports.get.queryOptions({ exportId: shownId ?? '' }),
    enabled: shownId !== null,
    refetchInterval: (query) => (query.state.data?.finished ? false : PROGRESS_POLL_MS),
  });

  const launch = async (format: ExportFormat) => {
    const { limit: _limit, cursor: _cursor, ...filters } = input;
    const started = await start.mutateAsync({ filters, format, idempotencyKey: key.current });
    key.current = crypto.randomUUID();
    if (started.kind === 'immediate') window.location.assign(exportAddress(input, format));
    else setExportId(started.exportId);
  };

  const view = job.data;
  const rows = view ? view.rows.toLocaleString('fr-FR') : '';
  return (
    <div className="export">
      <p className="boutons-export">
        {(['csv', 'xlsx'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="secondaire"
            onClick={() => launch(format)}
            disabled={start.isPending}
          >
            {FORMAT_LABELS[format]}
          </button>
        ))}
      </p>
      {input.demarcheId === undefined ? (
        <p className="note-export">
          Les réponses au formulaire sont ajoutées en colonnes quand la file est filtrée sur une
          seule démarche.
        </p>
      ) : null}
      {start.error ? (
        <p role="alert" className="alerte">
          {domainErrorOf(start.error)?.message ?? 'L’export n’a pas pu être lancé.'}
        </p>
      ) : null}
      {view && !view.finished ? (
        <div className="progression-export">
          <label htmlFor={id}>Export en préparation</label>
          <progress id={id} />
        </div>
      ) : null}
      <p aria-live="polite" role="status">
        {view && !view.finished ? `${rows} dossier(s) écrit(s)…` : ''}
        {view?.finished && view.failure ? `Export impossible : ${view.failure}` : ''}
      </p>
      {view?.finished && view.downloadPath ? (
        <p>
          <a href={view.downloadPath} download>
            Télécharger l’export ({rows} dossiers, {view.format.toUpperCase()})
          </a>{' '}
          — disponible jusqu’au{' '}
          {new Date(view.expiresAt).toLocaleDateString('fr-FR', { dateStyle: 'long' })}
        </p>
      ) : null}
    </div>
  );
}
