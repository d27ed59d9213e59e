import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { domainErrorOf } from '../../runtime/web/api/domainErrorOf.ts';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import { FormOutcome } from './FormOutcome.tsx';

/**
 * The addresses the collectivité's guichet answers on (`mairie-exemple.guichet.fr`), one
 * per line: on each of them the citizen, agent and studio apps are the collectivité's,
 * and only its accounts sign in (docs/SECURITY.md §133). The server checks each name
 * and refuses one already another collectivité's.
 */
export function AddressesPanel() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.tenant.settings.queryOptions({}));
  if (!settings.data) return <p role="status">Chargement des adresses…</p>;
  return <AddressesForm hosts={settings.data.hosts} />;
}

function AddressesForm({ hosts }: { hosts: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(hosts.join('\n'));
  const [done, setDone] = useState('');
  const save = useMutation(
    trpc.tenant.setHosts.mutationOptions({
      onSuccess: async (saved) => {
        setText(saved.hosts.join('\n'));
        setDone(
          saved.hosts.length === 0
            ? 'Adresses enregistrées : la collectivité n’a plus d’adresse propre.'
            : `Adresses enregistrées : ${saved.hosts.join(', ')}.`,
        );
        await queryClient.invalidateQueries({ queryKey: trpc.tenant.settings.queryKey() });
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    save.mutate({
      hosts: text
        .split(/\s+/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    });
  }
  const refused = save.error ? domainErrorOf(save.error) : null;
  // A name the schema refused says why beside « données non valides »: the field's message.
  const refusal = refused
    ? (Object.values(refused.fieldErrors).flat()[0] ?? refused.message)
    : save.error
      ? 'L’enregistrement a échoué. Veuillez réessayer.'
      : null;
  return (
    <section aria-labelledby="titre-adresses" className="carte">
      <h2 id="titre-adresses">Adresses du guichet</h2>
      <form onSubmit={submit}>
        <div className="champ">
          <label htmlFor="adresses-hotes">Adresses (une par ligne)</label>
          <textarea
            id="adresses-hotes"
            rows={4}
            value={text}
            aria-describedby="adresses-aide"
            spellCheck={false}
            onChange={(event) => setText(event.target.value)}
          />
          <p id="adresses-aide" className="aide">
            Le nom seul, sans https:// ni chemin, par exemple mairie-exemple.guichet.fr. Il doit
            d’abord pointer vers le serveur du guichet.
          </p>
        </div>
        <FormOutcome refusal={refusal} done={done} />
        <button type="submit" className="bouton-principal" disabled={save.isPending}>
          Enregistrer les adresses
        </button>
      </form>
    </section>
  );
}
