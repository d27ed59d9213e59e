import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { domainErrorOf } from '../../runtime/web/api/domainErrorOf.ts';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import { FormOutcome } from './FormOutcome.tsx';
import type { CsvPreview } from './unitTypes.ts';

/**
 * Imports an organisation chart from a CSV file in two steps: the server's preview (each
 * unit the file would create, every faulty line and why, nothing written), then the
 * import itself, offered only when no line is faulty.
 */
export function UnitsCsvImport({ onImported }: { onImported: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [done, setDone] = useState('');
  const check = useMutation(trpc.units.previewCsv.mutationOptions({ onSuccess: setPreview }));
  const importing = useMutation(
    trpc.units.importCsv.mutationOptions({
      onSuccess: async ({ created }) => {
        setDone(`${created} service(s) importé(s).`);
        setPreview(null);
        setCsv('');
        await onImported();
      },
    }),
  );
  async function readFile(file: File | undefined) {
    if (!file) return;
    setCsv(await file.text());
    setPreview(null);
    setDone('');
  }
  const refusal = importing.error ? domainErrorOf(importing.error) : null;
  return (
    <section aria-labelledby="titre-import" className="carte">
      <h2 id="titre-import">Importer des services (CSV)</h2>
      <p className="aide" id="aide-import">
        Une ligne d’en-tête <code>code;nom;code_parent</code> puis un service par ligne ; le parent
        peut être un service existant ou une autre ligne du fichier.
      </p>
      <div className="champ">
        <label htmlFor="import-fichier">Fichier CSV</label>
        <input
          id="import-fichier"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
      </div>
      <div className="champ">
        <label htmlFor="import-texte">Ou contenu du fichier</label>
        <textarea
          id="import-texte"
          rows={5}
          value={csv}
          aria-describedby="aide-import"
          onChange={(event) => {
            setCsv(event.target.value);
            setPreview(null);
          }}
        />
      </div>
      <button
        type="button"
        disabled={csv.trim() === '' || check.isPending}
        onClick={() => {
          setDone('');
          check.mutate({ csv });
        }}
      >
        Vérifier le fichier
      </button>
      {preview ? <PreviewTable preview={preview} /> : null}
      {preview && preview.problems.length === 0 && preview.rows.length > 0 ? (
        <button
          type="button"
          className="bouton-principal"
          disabled={importing.isPending}
          onClick={() => importing.mutate({ csv })}
        >
          Importer {preview.rows.length} service(s)
        </button>
      ) : null}
      <FormOutcome refusal={refusal?.message} done={done} />
    </section>
  );
}

function PreviewTable({ preview }: { preview: CsvPreview }) {
  const problemOf = new Map(preview.problems.map((problem) => [problem.line, problem.message]));
  const lineOnly = preview.problems.filter(
    (problem) => !preview.rows.some((row) => row.line === problem.line),
  );
  return (
    <div className="apercu-import">
      <p role="status">
        {preview.problems.length === 0
          ? `Aperçu : ${preview.rows.length} service(s) à créer, aucune erreur.`
          : `${preview.problems.length} ligne(s) à corriger : le fichier ne sera pas importé tant qu’elles restent.`}
      </p>
      {lineOnly.length > 0 ? (
        <ul className="message-erreur">
          {lineOnly.map((problem) => (
            <li key={`${problem.line}-${problem.message}`}>
              Ligne {problem.line} : {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
      {preview.rows.length > 0 ? (
        <table>
          <caption>Lignes du fichier</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Code</th>
              <th scope="col">Nom</th>
              <th scope="col">Parent</th>
              <th scope="col">Vérification</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                <td>{row.code}</td>
                <td>{row.name}</td>
                <td>{row.parentCode ?? '—'}</td>
                <td className={problemOf.has(row.line) ? 'message-erreur' : 'message-succes'}>
                  {problemOf.get(row.line) ?? 'Correcte'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
