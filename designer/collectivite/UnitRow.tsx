import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { domainErrorOf } from '../../runtime/web/api/domainErrorOf.ts';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import { parentChoices, type UnitNode, unitOptionLabel } from './unitTypes.ts';

type Mode = 'view' | 'rename' | 'move' | 'archive';

interface PublishedUse {
  demarcheId: string;
  title: string;
  versions: number[];
}

/**
 * One unit of the tree with its actions: rename, move under another unit, archive — after
 * a warning listing the published démarches that name it, whose new dossiers would no
 * longer reach it (docs/SECURITY.md §116).
 */
export function UnitRow({
  unit,
  tree,
  onChanged,
}: {
  unit: UnitNode;
  tree: readonly UnitNode[];
  onChanged: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<Mode>('view');
  const [name, setName] = useState(unit.name);
  const [parentId, setParentId] = useState(unit.parentId ?? '');
  const [uses, setUses] = useState<PublishedUse[]>([]);
  const queryClient = useQueryClient();
  const after = {
    onSuccess: async () => {
      setMode('view');
      await onChanged();
    },
  };
  const rename = useMutation(trpc.units.rename.mutationOptions(after));
  const move = useMutation(trpc.units.move.mutationOptions(after));
  const archive = useMutation(trpc.units.setArchived.mutationOptions(after));
  const [lookupFailed, setLookupFailed] = useState(false);
  const error = rename.error ?? move.error ?? archive.error;
  const refusal = error
    ? (domainErrorOf(error)?.message ?? 'L’action a échoué.')
    : lookupFailed
      ? 'Impossible de vérifier les démarches qui utilisent ce service. Veuillez réessayer.'
      : null;
  const label = `${unit.name} (${unit.code})`;

  function submitRename(event: FormEvent) {
    event.preventDefault();
    rename.mutate({ id: unit.id, name });
  }
  async function askArchive() {
    setLookupFailed(false);
    let found: PublishedUse[];
    try {
      found = await queryClient.fetchQuery({
        ...trpc.units.publishedUses.queryOptions({ id: unit.id }),
        staleTime: 0,
      });
    } catch {
      setLookupFailed(true);
      return;
    }
    if (found.length === 0) {
      archive.mutate({ id: unit.id, archived: true });
      return;
    }
    setUses(found);
    setMode('archive');
  }
  function submitMove(event: FormEvent) {
    event.preventDefault();
    move.mutate({ id: unit.id, parentId: parentId === '' ? null : parentId });
  }

  return (
    <li className="service" style={{ marginInlineStart: `${unit.depth * 1.5}rem` }}>
      <span className="service-nom">
        {unit.name} <code>{unit.code}</code>
        {unit.archived ? <span className="badge"> archivé</span> : null}
      </span>
      {mode === 'view' ? (
        <span className="service-actions">
          <button type="button" onClick={() => setMode('rename')} aria-label={`Renommer ${label}`}>
            Renommer
          </button>
          <button type="button" onClick={() => setMode('move')} aria-label={`Déplacer ${label}`}>
            Déplacer
          </button>
          <button
            type="button"
            onClick={() =>
              unit.archived ? archive.mutate({ id: unit.id, archived: false }) : void askArchive()
            }
            aria-label={`${unit.archived ? 'Réactiver' : 'Archiver'} ${label}`}
          >
            {unit.archived ? 'Réactiver' : 'Archiver'}
          </button>
        </span>
      ) : null}
      {mode === 'rename' ? (
        <form onSubmit={submitRename} className="service-formulaire">
          <label htmlFor={`renommer-${unit.id}`}>Nouveau nom de {unit.code}</label>
          <input
            id={`renommer-${unit.id}`}
            value={name}
            required
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="bouton-principal">
            Enregistrer le nom
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Annuler
          </button>
        </form>
      ) : null}
      {mode === 'move' ? (
        <form onSubmit={submitMove} className="service-formulaire">
          <label htmlFor={`deplacer-${unit.id}`}>Placer {unit.code} sous</label>
          <select
            id={`deplacer-${unit.id}`}
            value={parentId}
            onChange={(event) => setParentId(event.target.value)}
          >
            <option value="">Aucun (premier niveau)</option>
            {parentChoices(tree, unit.id).map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {unitOptionLabel(candidate)}
              </option>
            ))}
          </select>
          <button type="submit" className="bouton-principal">
            Déplacer ici
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Annuler
          </button>
        </form>
      ) : null}
      {mode === 'archive' ? (
        <div className="service-formulaire" role="alert">
          <p>
            Ces démarches publiées confient des dossiers au service {label}. Une fois archivé, les
            nouveaux dossiers qui lui seraient confiés resteront sans service, visibles de tous les
            agents, et ces démarches ne pourront plus être publiées sans le changer :
          </p>
          <ul aria-label={`Démarches qui utilisent ${label}`}>
            {uses.map((use) => (
              <li key={use.demarcheId}>
                {use.title} (version{use.versions.length > 1 ? 's' : ''} {use.versions.join(', ')})
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="bouton-principal"
            onClick={() => archive.mutate({ id: unit.id, archived: true })}
          >
            Archiver quand même
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Annuler
          </button>
        </div>
      ) : null}
      {refusal ? (
        <p role="alert" className="message-erreur">
          {refusal}
        </p>
      ) : null}
    </li>
  );
}
