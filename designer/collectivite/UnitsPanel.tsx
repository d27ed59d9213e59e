import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { domainErrorOf } from '../../runtime/web/api/domainErrorOf.ts';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import { FormOutcome } from './FormOutcome.tsx';
import { UnitRow } from './UnitRow.tsx';
import { UnitsCsvImport } from './UnitsCsvImport.tsx';
import { parentChoices, unitOptionLabel } from './unitTypes.ts';

/**
 * The organisation tree: each unit indented under its parent, renamed, moved or
 * archived in place; a form to add one; a CSV import with its preview.
 */
export function UnitsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tree = useQuery(trpc.units.tree.queryOptions({}));
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [done, setDone] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.units.tree.queryKey() });
  const create = useMutation(
    trpc.units.create.mutationOptions({
      onSuccess: async (created) => {
        setDone(`Service « ${created.name} » créé.`);
        setCode('');
        setName('');
        await refresh();
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    create.mutate({ code: code.trim(), name, parentId: parentId === '' ? null : parentId });
  }
  const refusal = create.error ? domainErrorOf(create.error) : null;
  const units = tree.data ?? [];
  return (
    <>
      <section aria-labelledby="titre-arbre">
        <h2 id="titre-arbre">Services</h2>
        {tree.isPending ? <p role="status">Chargement des services…</p> : null}
        {tree.isError ? (
          <p role="alert" className="message-erreur">
            Les services n’ont pas pu être chargés.
          </p>
        ) : null}
        {tree.data?.length === 0 ? <p>Aucun service pour l’instant.</p> : null}
        <ul className="arbre-services">
          {units.map((unit) => (
            <UnitRow key={unit.id} unit={unit} tree={units} onChanged={refresh} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="titre-nouveau-service" className="carte">
        <h2 id="titre-nouveau-service">Ajouter un service</h2>
        <form onSubmit={submit}>
          <div className="champ">
            <label htmlFor="service-nom">Nom du service</label>
            <input
              id="service-nom"
              value={name}
              required
              maxLength={200}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div className="champ">
            <label htmlFor="service-code">Code</label>
            <p id="aide-service-code" className="aide">
              Court et stable : les circuits et les règles d’orientation le citent. Lettres,
              chiffres, « - », « _ » ou « . ».
            </p>
            <input
              id="service-code"
              value={code}
              required
              pattern="[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}"
              aria-describedby="aide-service-code"
              onChange={(event) => setCode(event.target.value)}
            />
          </div>
          <div className="champ">
            <label htmlFor="service-parent">Rattaché à</label>
            <select
              id="service-parent"
              value={parentId}
              onChange={(event) => setParentId(event.target.value)}
            >
              <option value="">Aucun (service de premier niveau)</option>
              {parentChoices(units, null).map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unitOptionLabel(unit)}
                </option>
              ))}
            </select>
          </div>
          <FormOutcome refusal={refusal?.message} done={done} />
          <button type="submit" className="bouton-principal" disabled={create.isPending}>
            Ajouter le service
          </button>
        </form>
      </section>
      <UnitsCsvImport onImported={refresh} />
    </>
  );
}
