import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { domainErrorOf } from '../../runtime/web/api/domainErrorOf.ts';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import { FormOutcome } from './FormOutcome.tsx';
import { type ReferenceCsvPreview, sendReferenceCsv } from './sendReferenceCsv.ts';

/**
 * The collectivité's reference tables (communes, streets, schools… offered by choice
 * fields): each with its entries and last import, replaced or deleted (refused while a
 * published démarche names it); and the import of a CSV in two steps, the server's
 * preview (first lines, every faulty line) then the import, offered only when no line
 * is faulty.
 */
export function ReferenceTablesPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tables = useQuery(trpc.dataSources.tables.queryOptions({}));
  const [done, setDone] = useState('');
  const [target, setTarget] = useState<{ code: string; label: string } | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.dataSources.tables.queryKey() });
  const remove = useMutation(
    trpc.dataSources.deleteTable.mutationOptions({
      onSuccess: async ({ code }) => {
        setDone(`Table « ${code} » supprimée.`);
        await refresh();
      },
    }),
  );
  const removeRefusal = remove.error
    ? (domainErrorOf(remove.error)?.message ?? 'La suppression a échoué.')
    : null;
  return (
    <>
      <section aria-labelledby="titre-tables">
        <h2 id="titre-tables">Tables de référence</h2>
        {tables.isPending ? <p role="status">Chargement des tables…</p> : null}
        <FormOutcome refusal={removeRefusal} done={done} />
        {tables.data && tables.data.length === 0 ? <p>Aucune table importée.</p> : null}
        {tables.data && tables.data.length > 0 ? (
          <table>
            <caption>Tables de la collectivité</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Code</th>
                <th scope="col">Entrées</th>
                <th scope="col">Dernier import</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {tables.data.map((table) => (
                <tr key={table.code}>
                  <td>{table.label}</td>
                  <td>
                    <code>{table.code}</code>
                  </td>
                  <td>{table.rowCount.toLocaleString('fr-FR')}</td>
                  <td>{new Date(table.importedAt).toLocaleString('fr-FR')}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => setTarget({ code: table.code, label: table.label })}
                      aria-label={`Remplacer la table ${table.label}`}
                    >
                      Remplacer
                    </button>{' '}
                    <button
                      type="button"
                      onClick={() => {
                        setDone('');
                        if (
                          window.confirm(`Supprimer la table « ${table.label} » et ses entrées ?`)
                        )
                          remove.mutate({ code: table.code });
                      }}
                      aria-label={`Supprimer la table ${table.label}`}
                    >
                      Supprimer
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <ReferenceCsvImport
        key={target?.code ?? 'nouvelle'}
        target={target}
        onImported={async (message) => {
          setDone(message);
          setTarget(null);
          await refresh();
        }}
      />
    </>
  );
}

function ReferenceCsvImport({
  target,
  onImported,
}: {
  target: { code: string; label: string } | null;
  onImported: (message: string) => Promise<unknown>;
}) {
  const [code, setCode] = useState(target?.code ?? '');
  const [label, setLabel] = useState(target?.label ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ReferenceCsvPreview | null>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const csv = file ?? text;
  const ready = code !== '' && label.trim() !== '' && (file !== null || text.trim() !== '');

  async function run<T>(step: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setFailure('');
    try {
      return await step();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'L’envoi a échoué.');
      return null;
    } finally {
      setBusy(false);
    }
  }
  async function check(event: FormEvent) {
    event.preventDefault();
    setPreview(await run(() => sendReferenceCsv({ code, label, csv, preview: true })));
  }
  async function confirm() {
    const imported = await run(() => sendReferenceCsv({ code, label, csv, preview: false }));
    if (imported === null) return;
    setPreview(null);
    setFile(null);
    setText('');
    await onImported(
      `Table « ${label} » importée : ${imported.rowCount.toLocaleString('fr-FR')} entrée(s).`,
    );
  }
  const changed = () => setPreview(null);
  return (
    <section aria-labelledby="titre-import-table" className="carte">
      <h2 id="titre-import-table">
        {target ? `Remplacer la table « ${target.label} »` : 'Importer une table (CSV)'}
      </h2>
      <p className="aide" id="aide-import-table">
        Une ligne d’en-tête avec <code>code</code> et <code>libelle</code> (jusqu’à dix autres
        colonnes, par exemple <code>code_postal</code>), séparées par « ; » ou « , », puis une
        entrée par ligne ; fichier en UTF-8, 20 Mo au plus. Un nouvel import remplace toute la
        table.
      </p>
      <form onSubmit={(event) => void check(event)}>
        <div className="champ">
          <label htmlFor="table-nom">Nom de la table</label>
          <input
            id="table-nom"
            value={label}
            maxLength={200}
            required
            onChange={(event) => {
              setLabel(event.target.value);
              changed();
            }}
          />
        </div>
        <div className="champ">
          <label htmlFor="table-code">Code de la table</label>
          <input
            id="table-code"
            value={code}
            required
            readOnly={target !== null}
            pattern="[a-z][a-z0-9_\-]{0,63}"
            aria-describedby="aide-table-code"
            onChange={(event) => {
              setCode(event.target.value);
              changed();
            }}
          />
          <p className="aide" id="aide-table-code">
            Minuscules, chiffres, « - » ou « _ » : c’est ce code que les champs à choix nomment.
          </p>
        </div>
        <div className="champ">
          <label htmlFor="table-fichier">Fichier CSV</label>
          <input
            id="table-fichier"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="aide-import-table"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              changed();
            }}
          />
        </div>
        <div className="champ">
          <label htmlFor="table-texte">Ou contenu du fichier</label>
          <textarea
            id="table-texte"
            rows={4}
            value={text}
            disabled={file !== null}
            onChange={(event) => {
              setText(event.target.value);
              changed();
            }}
          />
        </div>
        <button type="submit" disabled={!ready || busy}>
          Vérifier le fichier
        </button>
      </form>
      {busy ? <p role="status">Envoi en cours…</p> : null}
      <FormOutcome refusal={failure} />
      {preview ? <ReferencePreview preview={preview} /> : null}
      {preview && preview.errorCount === 0 && preview.rowCount > 0 ? (
        <button
          type="button"
          className="bouton-principal"
          disabled={busy}
          onClick={() => void confirm()}
        >
          Importer {preview.rowCount.toLocaleString('fr-FR')} entrée(s)
        </button>
      ) : null}
    </section>
  );
}

function ReferencePreview({ preview }: { preview: ReferenceCsvPreview }) {
  return (
    <div className="apercu-import">
      <p role="status">
        {preview.errorCount === 0
          ? `Aperçu : ${preview.rowCount.toLocaleString('fr-FR')} entrée(s), aucune erreur.`
          : `${preview.errorCount} ligne(s) à corriger : le fichier ne sera pas importé tant qu’elles restent.`}
      </p>
      {preview.errors.length > 0 ? (
        <table>
          <caption>Lignes à corriger</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Erreur</th>
            </tr>
          </thead>
          <tbody>
            {preview.errors.map((error) => (
              <tr key={`${error.line}-${error.message}`}>
                <td>{error.line}</td>
                <td className="message-erreur">{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.firstRows.length > 0 ? (
        <table>
          <caption>Premières lignes du fichier</caption>
          <thead>
            <tr>
              {preview.header.map((name, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a header may repeat a name.
                <th key={index} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.firstRows.map((row, rowIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of a file, in order.
              <tr key={rowIndex}>
                {preview.header.map((_, cellIndex) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a line, in order.
                  <td key={cellIndex}>{row[cellIndex] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
