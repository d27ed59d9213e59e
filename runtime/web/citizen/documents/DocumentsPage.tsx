import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { describeSize } from '../../forms/fields/checkFileBeforeUpload.ts';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';
import { useSession } from '../session/useSession.ts';
import { AddDocumentForm, frenchDay } from './AddDocumentForm.tsx';

const SCAN_STATUS: Readonly<Record<string, string>> = {
  pending: 'analyse antivirus en attente',
  clean: 'vérifié par l’antivirus',
  infected: 'bloqué : fichier infecté',
  not_scanned: 'reçu',
};

/**
 * « Mes documents »: the supporting documents a citizen keeps to reuse (identity, proof
 * of address…). Add one (checked by the server like any upload) with the validity its
 * kind gives, see them with that date — expired ones flagged, and no longer offered to
 * forms —, download one (its owner only, docs/SECURITY.md §112), delete one. After adding or deleting, a status line says so
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
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const status = useRef<HTMLParagraphElement>(null);

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
              <li key={document.id} className={document.expired ? 'document-expire' : undefined}>
                <strong>{document.label}</strong> — {document.fileName} (
                {describeSize(document.sizeBytes)}),{' '}
                {SCAN_STATUS[document.scanStatus] ?? document.scanStatus}
                {document.validUntil === null ? (
                  ', sans date de fin de validité'
                ) : document.expired ? (
                  <>
                    , <strong className="expire">expiré</strong> (valable jusqu’au{' '}
                    {frenchDay(document.validUntil)}) : il n’est plus proposé dans les démarches
                  </>
                ) : (
                  `, valable jusqu’au ${frenchDay(document.validUntil)}`
                )}{' '}
                {document.scanStatus === 'clean' || document.scanStatus === 'not_scanned' ? (
                  <>
                    <a href={`/api/documents/${document.id}`} download={document.fileName}>
                      Télécharger {document.label}
                    </a>{' '}
                  </>
                ) : null}
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
        <AddDocumentForm
          onAdded={async (text) => {
            await queryClient.invalidateQueries({ queryKey: trpc.documents.list.queryKey() });
            say(text);
          }}
          onProblem={(text) => say(text, true)}
        />
      </section>
    </CitizenPage>
  );
}
