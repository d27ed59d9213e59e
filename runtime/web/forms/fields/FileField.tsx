import type { FieldProps } from '@rjsf/utils';
import { useState } from 'react';
import type { FileFieldOptions } from '../../../../shared/form/fileFields.ts';
import { describedBy, invalid } from '../describedBy.ts';
import type { GuichetFormContext } from '../formContext.ts';
import { checkFileBeforeUpload, describeSize } from './checkFileBeforeUpload.ts';
import { SafePicker } from './SafePicker.tsx';
import { uploadAttachment } from './uploadAttachment.ts';

const SCAN_STATUS: Readonly<Record<string, string>> = {
  pending: 'analyse antivirus en cours',
  clean: 'vérifié',
  infected: 'refusé : fichier infecté',
  not_scanned: 'reçu',
  preview: 'gardé dans l’aperçu, rien n’est envoyé',
};

/**
 * A file field (`x-file`): the file is checked (type, size) before it is sent, sent with
 * a progress bar, then listed with its scan status and a button to remove it. The value
 * is the list of attachment ids, as the server expects.
 */
export function FileField(props: FieldProps) {
  const { formData, schema, fieldPathId, onChange, disabled, readonly, rawErrors, registry } =
    props;
  const context = registry.formContext as GuichetFormContext;
  const options = (schema['x-file'] ?? {}) as FileFieldOptions;
  // Only attachment ids: an empty entry (a default RJSF once made for `minItems`) is no file.
  const ids = Array.isArray(formData)
    ? formData.filter((value): value is string => typeof value === 'string' && value !== '')
    : [];
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const id = fieldPathId.$id;
  const path = fieldPathId.path.map(String).join('/');

  async function send(file: File) {
    const refused = checkFileBeforeUpload(file, options);
    setProblem(refused);
    if (refused !== null) return;
    if (context.dossierId === null) {
      if (!context.keepInPreview) return;
      const kept = context.keepInPreview(file);
      context.rememberFile(kept);
      onChange([...ids, kept.id], fieldPathId.path);
      return;
    }
    setProgress(0);
    try {
      const uploaded = await uploadAttachment({
        dossierId: context.dossierId,
        field: path,
        file,
        onProgress: setProgress,
      });
      context.rememberFile(uploaded);
      onChange([...ids, uploaded.id], fieldPathId.path);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'Le fichier n’a pas pu être envoyé.');
    } finally {
      setProgress(null);
    }
  }

  async function pick(documentId: string) {
    if (!context.safe) return;
    setProblem(null);
    try {
      const attached = await context.safe.attach(documentId, path);
      context.rememberFile(attached);
      onChange([...ids, attached.id], fieldPathId.path);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'Le document n’a pas pu être joint.');
    }
  }

  const errors = [...(problem ? [problem] : []), ...(rawErrors ?? [])];
  const full = ids.length >= maxItems;
  return (
    <div className="champ-fichier">
      {ids.length > 0 ? (
        <ul className="fichiers">
          {ids.map((attachmentId, index) => {
            const file = context.files[attachmentId];
            return (
              <li key={attachmentId}>
                {file ? `${file.fileName} (${describeSize(file.sizeBytes)})` : 'Fichier joint'}
                {file ? ` — ${SCAN_STATUS[file.scanStatus] ?? file.scanStatus}` : null}{' '}
                {readonly ? null : (
                  <button
                    type="button"
                    className="bouton-lien"
                    disabled={disabled}
                    onClick={() =>
                      onChange(
                        ids.filter((_, kept) => kept !== index),
                        fieldPathId.path,
                      )
                    }
                  >
                    Retirer {file?.fileName ?? `le fichier ${index + 1}`}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {readonly || full ? null : (
        <input
          type="file"
          id={id}
          accept={options.accept?.join(',')}
          disabled={disabled || progress !== null}
          aria-invalid={invalid(errors)}
          aria-describedby={
            [
              problem ? `${id}__fichier-erreur` : '',
              describedBy(id, { schema, uiSchema: props.uiSchema, rawErrors }) ?? '',
            ]
              .join(' ')
              .trim() || undefined
          }
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void send(file);
          }}
        />
      )}
      {readonly || full || !context.safe || context.safe.documents.length === 0 ? null : (
        <SafePicker
          id={id}
          documents={context.safe.documents}
          disabled={disabled || progress !== null}
          onPick={(documentId) => void pick(documentId)}
        />
      )}
      {progress !== null ? (
        <p>
          <label htmlFor={`${id}__progression`}>Envoi en cours</label>{' '}
          <progress id={`${id}__progression`} max={1} value={progress} />
        </p>
      ) : null}
      {problem ? (
        <p id={`${id}__fichier-erreur`} className="champ-erreurs" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
