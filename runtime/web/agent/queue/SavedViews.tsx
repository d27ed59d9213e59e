import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';

/**
 * The agent's saved views (`queues.views.*`): links to their own filtered queues, each
 * with a button to delete it, and a form saving the current filters under a name. The
 * views are the agent's alone (docs/SECURITY.md §75); the current one is marked.
 */
export function SavedViews({
  search,
  go,
}: {
  /** The current queue's query string, as the address bar holds it. */
  search: string;
  go: (address: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const nameId = useId();
  const [name, setName] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const views = useQuery(trpc.queues.views.list.queryOptions({}));
  const reload = () => queryClient.invalidateQueries({ queryKey: trpc.queues.views.pathKey() });
  const save = useMutation(
    trpc.queues.views.save.mutationOptions({
      onSuccess: async (view) => {
        setName('');
        setSaid(`Vue « ${view.name} » enregistrée.`);
        await reload();
      },
    }),
  );
  const remove = useMutation(
    trpc.queues.views.remove.mutationOptions({
      onSuccess: async () => {
        await reload();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== '') save.mutate({ name, search });
  };
  return (
    <section className="bloc" aria-labelledby={`${nameId}-titre`}>
      <h2 id={`${nameId}-titre`}>Mes vues</h2>
      {views.data?.length === 0 ? <p>Aucune vue enregistrée.</p> : null}
      <ul className="vues">
        {views.data?.map((view) => (
          <li key={view.id}>
            <a
              href={`/agent/${view.search}`}
              aria-current={view.search === search ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                go(`/agent/${view.search}`);
              }}
            >
              {view.name}
            </a>
            <button
              type="button"
              className="secondaire"
              aria-label={`Supprimer la vue « ${view.name} »`}
              disabled={remove.isPending}
              onClick={() => {
                setSaid(`Vue « ${view.name} » supprimée.`);
                remove.mutate({ id: view.id });
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="assigner" onSubmit={submit}>
        <div className="champ">
          <label htmlFor={nameId}>Enregistrer ces filtres sous le nom</label>
          <input
            id={nameId}
            value={name}
            maxLength={60}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <button type="submit" disabled={save.isPending}>
          Enregistrer la vue
        </button>
      </form>
      {save.error ? (
        <p role="alert" className="alerte">
          {domainErrorOf(save.error)?.message ?? 'La vue n’a pas pu être enregistrée.'}
        </p>
      ) : null}
      <p role="status">{said ?? ''}</p>
    </section>
  );
}
