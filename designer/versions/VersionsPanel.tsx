import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { type DiffChange, describeChange } from './describeChange.ts';

type Side = number | 'draft';

/**
 * The published versions, newest first, and what changed between two of them (or a
 * version and the draft), in words.
 */
export function VersionsPanel({ id, definition }: { id: string; definition: DemarcheDefinition }) {
  const htmlId = useId();
  const trpc = useTRPC();
  const versions = useQuery(trpc.demarches.listVersions.queryOptions({ id }));
  const latest = versions.data?.[0]?.version;
  const [from, setFrom] = useState<Side | null>(null);
  const [to, setTo] = useState<Side>('draft');
  const fromSide = from ?? latest ?? null;
  const diff = useQuery({
    ...trpc.demarches.diff.queryOptions({ id, from: fromSide ?? 'draft', to }),
    enabled: fromSide !== null,
  });
  const older = useQuery({
    ...trpc.demarches.getVersion.queryOptions({
      id,
      version: typeof fromSide === 'number' ? fromSide : 1,
    }),
    enabled: typeof fromSide === 'number',
  });
  const olderDefinition =
    (older.data?.definition as unknown as DemarcheDefinition | undefined) ?? null;
  const sides: Side[] = ['draft', ...(versions.data ?? []).map((version) => version.version)];
  const sideLabel = (side: Side) =>
    side === 'draft' ? 'Brouillon actuel (enregistré)' : `Version ${side}`;
  const select = (label: string, value: Side, onChange: (side: Side) => void) => (
    <div className="champ">
      <label htmlFor={`${htmlId}-${label}`}>{label}</label>
      <select
        id={`${htmlId}-${label}`}
        value={String(value)}
        onChange={(event) =>
          onChange(event.target.value === 'draft' ? 'draft' : Number(event.target.value))
        }
      >
        {sides.map((side) => (
          <option key={String(side)} value={String(side)}>
            {sideLabel(side)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="versions">
      <section aria-labelledby={`${htmlId}-liste`}>
        <h3 id={`${htmlId}-liste`}>Versions publiées</h3>
        {versions.data?.length === 0 ? <p>Aucune version publiée pour l’instant.</p> : null}
        <ul>
          {versions.data?.map((version) => (
            <li key={version.version}>
              Version {version.version}, publiée le{' '}
              {new Date(version.publishedAt).toLocaleString('fr-FR', {
                dateStyle: 'long',
                timeStyle: 'short',
              })}
            </li>
          ))}
        </ul>
      </section>
      {fromSide !== null ? (
        <section aria-labelledby={`${htmlId}-diff`}>
          <h3 id={`${htmlId}-diff`}>Différences</h3>
          <div className="comparaison">
            {select('Comparer', fromSide, setFrom)}
            {select('avec', to, setTo)}
          </div>
          {diff.data?.changes.length === 0 ? <p>Aucune différence.</p> : null}
          <ul className="liste-differences">
            {readableLines(diff.data?.changes ?? [], definition, olderDefinition).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** The diff in words, one line per thing changed (several JSON changes often say the same). */
function readableLines(
  changes: readonly DiffChange[],
  newer: DemarcheDefinition,
  older: DemarcheDefinition | null,
): string[] {
  const lines = changes.map((change) => {
    const readable = describeChange(change, newer, older);
    return `${readable.subject} — ${readable.text}`;
  });
  return [...new Set(lines)];
}
