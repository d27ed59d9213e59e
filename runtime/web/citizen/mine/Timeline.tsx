import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpcContext.ts';
import { requestText } from './requestText.ts';
import { dateInWords } from './stateInWords.ts';

type Entry = {
  type: string;
  transition: { label: string } | null;
  to: { label: string } | null;
  details: Record<string, unknown>;
};

/** What happened, in the applicant's words. */
function describe(entry: Entry): string {
  switch (entry.type) {
    case 'created':
      return 'Dossier créé';
    case 'data_saved':
      return 'Réponses enregistrées';
    case 'transition':
      return `${entry.transition?.label ?? 'Étape franchie'}${entry.to ? ` → ${entry.to.label}` : ''}`;
    case 'message_sent':
      return 'Message échangé';
    case 'attachment_added':
      return 'Pièce jointe ajoutée';
    case 'letter_generated':
      return `Courrier : ${typeof entry.details['title'] === 'string' ? entry.details['title'] : 'courrier'}`;
    default:
      return 'Mise à jour du dossier';
  }
}

/**
 * The dossier's history (`dossiers.history`), oldest first, with the letters it produced
 * as download links.
 */
export function Timeline({ id }: { id: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.dossiers.history.queryOptions({ id }));
  const letters = (history.data ?? []).filter(
    (entry) =>
      entry.type === 'letter_generated' && typeof entry.details['attachmentId'] === 'string',
  );
  return (
    <>
      <section aria-labelledby="titre-courriers">
        <h2 id="titre-courriers">Courriers</h2>
        {letters.length === 0 ? (
          <p>Aucun courrier pour le moment.</p>
        ) : (
          <ul>
            {letters.map((letter) => (
              <li key={letter.seq}>
                <a href={`/api/attachments/${String(letter.details['attachmentId'])}`} download>
                  Télécharger « {String(letter.details['title'] ?? 'courrier')} » (PDF)
                </a>{' '}
                — {dateInWords(letter.at)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="titre-historique">
        <h2 id="titre-historique">Historique</h2>
        {history.isError ? <p role="alert">L’historique n’a pas pu être chargé.</p> : null}
        <ol className="historique">
          {(history.data ?? []).map((entry) => (
            <li key={entry.seq}>
              <span className="date">{dateInWords(entry.at)}</span> — {describe(entry)}
              {entry.actorName ? ` (par ${entry.actorName})` : ''}
              {requestText(entry.input).map((text) => (
                <blockquote key={text} className="message-texte">
                  {text}
                </blockquote>
              ))}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
