import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { describeSize } from '../../forms/fields/checkFileBeforeUpload.ts';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';
import { useSession } from '../session/useSession.ts';
import { putInSafe } from './putInSafe.ts';

const SCAN_STATUS: Readonly<Record<string, string>> = {
  pending: 'analyse antivirus en attente',
  clean: 'vérifié par l’antivirus',
  infected: 'bloqué : fichier infecté',
  not_scanned: 'reçu',
};

/**
 * « Mes documents »: the supporting documents a citizen keeps to reuse (identity, proof
 * of address…). Add one (checked by the server like any upload), see them, delete one;
 * a form's file field then offers them. After adding or deleting, a status line says so
 * and focus goes to it.
 */
export function DocumentsPage() {
  const trpc = useTRPC();
  const session = useSession();
  const queryClient = useQueryClient();
  const documents = useQuery({
    ...trpc.documents.list.queryOptions(),
    enabled: Boolean(session.data),
  });
  const [label, setLabel] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [sending, setSending] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  function say(text: string, error = false) {
    setMessage({ text, error });
    requestAnimationFrame(() => status.current?.focus());
  }

  const remove = useMutation(
    trpc.documents.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.documents.list.queryKey() });
        say('Le document a été supprimé de vos documents.');
      },
      onError: (error) =>
        say(domainErrorOf(error)?.message ?? 'Le document n’a pas pu être supprimé.', true),
    }),
  );

  if (session.isSuccess && !session.data) {
    return (
      <CitizenPage title="Mes documents">
        <p>
          <Link href={`${paths.login}?retour=${encodeURIComponent(paths.documents)}`}>
            Connectez-vous
          </Link>{' '}
          pour retrouver vos documents.
        </p>
      </CitizenPage>
    );
  }

  async function add() {
    if (label.trim() === '' || file === null) {
      say('Indiquez le nom du document et choisissez un fichier.', true);
      return;
    }
    setSending(true);
    try {
      const stored = await putInSafe({ file, label: label.trim(), validUntil });
      await queryClient.invalidateQueries({ queryKey: trpc.documents.list.queryKey() });
      setLabel('');
      setValidUntil('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      say(`« ${stored.label} » a été ajouté à vos documents.`);
    } catch (error) {
      say(error instanceof Error ? error.message : 'Le document n’a pas pu être envoyé.', true);
    } finally {
      setSending(false);
    }
  }

  return (
    <CitizenPage title="Mes documents">
      <p>
        Gardez ici les pièces que les démarches demandent souvent (pièce d’identité, justificatif de
        domicile, avis d’imposition…) : vous pourrez les joindre à un dossier sans les envoyer de
        nouveau. Vous seul les voyez.
      </p>
      <p
        className={message?.error ? 'alerte' : 'confirmation'}
        role={message?.error ? 'alert' : 'status'}
        tabIndex={-1}
        ref={status}
      >
        {message?.text ?? ''}
      </p>
      <section aria-labelledby="titre-liste-documents">
        <h2 id="titre-liste-documents">Vos documents</h2>
        {documents.data === undefined ? (
          <p role="status">Chargement…</p>
        ) : documents.data.length === 0 ? (
          <p>Vous n’avez pas encore de document.</p>
        ) : (
          <ul className="documents">
            {documents.data.map((document) => (
              <li key={document.id}>
                <strong>{document.label}</strong> — {document.fileName} (
                {describeSize(document.sizeBytes)}),{' '}
                {SCAN_STATUS[document.scanStatus] ?? document.scanStatus}
                {document.validUntil
                  ? `, valable jusqu’au ${new Date(`${document.validUntil}T12:00:00`).toLocaleDateString('fr-FR')}`
                  : null}{' '}
                <button
                  type="button"
                  className="bouton-lien"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ id: document.id })}
                >
                  Supprimer {document.label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="titre-ajout-document">
        <h2 id="titre-ajout-document">Ajouter un document</h2>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <div className="champ">
            <label htmlFor="document-nom">Nom du document</label>
            <p id="document-nom-aide" className="aide">
              Par exemple : Justificatif de domicile.
            </p>
            <input
              id="document-nom"
              type="text"
              maxLength={120}
              value={label}
              aria-describedby="document-nom-aide"
              onChange={(event) => setLabel(event.target.value)}
            />
          </div>
          <div className="champ">
            <label htmlFor="document-fichier">Fichier (PDF ou image, 10 Mo au plus)</label>
            <input
              id="document-fichier"
              type="file"
              accept="application/pdf,image/*"
              ref={fileInput}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <div className="champ">
            <label htmlFor="document-validite">Valable jusqu’au (facultatif)</label>
            <input
              id="document-validite"
              type="date"
              value={validUntil}
              onChange={(event) => setValidUntil(event.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="bouton" disabled={sending}>
              Ajouter à mes documents
            </button>
          </div>
        </form>
      </section>
    </CitizenPage>
  );
}
