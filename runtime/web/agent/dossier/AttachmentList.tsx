import { useState } from 'react';
import type { Attachment } from './dossierTypes.ts';
import { previewKindOf } from './previewKind.ts';

const SCAN_LABELS: Record<Attachment['scanStatus'], string> = {
  pending: 'Analyse antivirus en cours',
  clean: 'Analysé, sain',
  infected: 'Infecté : bloqué, non téléchargeable',
  not_scanned: 'Non analysé',
};

/**
 * The dossier's files with what the virus scanner said. A clean (or unscanned) PDF or
 * raster image can be previewed inline: the bytes are fetched from the file endpoint
 * and shown from a blob typed by the server's content check, never by the file name;
 * SVG, HTML and the rest are download-only (docs/SECURITY.md §15, §71).
 */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  const [preview, setPreview] = useState<{
    id: string;
    url: string;
    kind: 'pdf' | 'image';
    name: string;
  } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const show = async (file: Attachment) => {
    const kind = previewKindOf(file);
    if (kind === null) return;
    setFailure(null);
    try {
      const response = await fetch(`/api/attachments/${file.id}`, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      const blob = new Blob([await response.arrayBuffer()], { type: file.mediaType });
      if (preview) URL.revokeObjectURL(preview.url);
      setPreview({ id: file.id, url: URL.createObjectURL(blob), kind, name: file.fileName });
    } catch {
      setFailure(`L’aperçu de « ${file.fileName} » n’a pas pu être chargé.`);
    }
  };
  if (attachments.length === 0) return <p>Aucune pièce jointe.</p>;
  return (
    <>
      <ul className="pieces">
        {attachments.map((file) => {
          const blocked = file.scanStatus === 'infected' || file.scanStatus === 'pending';
          return (
            <li key={file.id}>
              <span className="nom-fichier">{file.fileName}</span>{' '}
              <span className="taille">
                ({Math.ceil(file.sizeBytes / 1024).toLocaleString('fr-FR')} Ko)
              </span>{' '}
              <span className={`analyse analyse-${file.scanStatus}`}>
                {SCAN_LABELS[file.scanStatus]}
              </span>
              {blocked ? null : (
                <>
                  {' '}
                  <a href={`/api/attachments/${file.id}`} download={file.fileName}>
                    Télécharger<span className="visuellement-cache"> {file.fileName}</span>
                  </a>
                  {previewKindOf(file) ? (
                    <button type="button" className="secondaire" onClick={() => void show(file)}>
                      Aperçu<span className="visuellement-cache"> de {file.fileName}</span>
                    </button>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {failure ? <p role="alert">{failure}</p> : null}
      {preview ? (
        <figure className="apercu">
          <figcaption>Aperçu : {preview.name}</figcaption>
          {preview.kind === 'image' ? (
            <img src={preview.url} alt={`Aperçu de ${preview.name}`} />
          ) : (
            <iframe src={preview.url} title={`Aperçu de ${preview.name}`} />
          )}
        </figure>
      ) : null}
    </>
  );
}
