import { answerSections } from './answerSections.ts';
import type { Attachment, Dossier } from './dossierTypes.ts';

/**
 * The submitted answers, read-only, labelled and ordered by the definition (see
 * `answerSections`). A file field names its files, found among the attachments; a field
 * with a data source shows its entry's label, which the server resolved.
 * (The citizen app's form theme may replace this renderer later.)
 */
export function AnswerList({ dossier }: { dossier: Dossier }) {
  const sections = answerSections(dossier.form, dossier.data, dossier.sourceLabels);
  const nameOf = new Map(dossier.attachments.map((file: Attachment) => [file.id, file.fileName]));
  return (
    <>
      {sections.map((section, index) => (
        <section
          key={section.title ?? index}
          className="reponses"
          aria-label={section.title ?? 'Réponses'}
        >
          {section.title ? <h3>{section.title}</h3> : null}
          <dl>
            {section.rows.map((row) => (
              <div
                key={row.path}
                className={`reponse niveau-${Math.min(row.depth, 3)} ${row.kind}`}
              >
                <dt>{row.label}</dt>
                <dd>
                  {row.kind === 'files'
                    ? row.files.map((id) => nameOf.get(id) ?? 'Fichier introuvable').join(', ') ||
                      'Non renseigné'
                    : row.kind === 'group'
                      ? row.text
                      : row.text || 'Non renseigné'}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
