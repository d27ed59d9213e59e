/** An uploaded file as the server answers (`POST /api/dossiers/:id/attachments`). */
export interface UploadedFile {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** `pending` while the virus scanner works, then `clean` or `infected`; `not_scanned` without one. */
  scanStatus: string;
}

/**
 * Sends one file to a dossier's file field, reporting progress (0–1). XMLHttpRequest
 * because fetch reports no upload progress; the body is the raw file, typed as opaque
 * bytes (the server decides the type from the content), with the session cookie of our
 * own origin only.
 *
 * @example
 * const uploaded = await uploadAttachment({ dossierId, field: 'avisImposition', file, onProgress });
 */
export function uploadAttachment(upload: {
  dossierId: string;
  field: string;
  file: File;
  onProgress: (fraction: number) => void;
}): Promise<UploadedFile> {
  const query = new URLSearchParams({ field: upload.field, name: upload.file.name });
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/dossiers/${upload.dossierId}/attachments?${query}`);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) upload.onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as
        | (UploadedFile & { error?: { message?: string; fieldErrors?: Record<string, string[]> } })
        | null;
      if (request.status === 201 && body) {
        resolve(body);
        return;
      }
      const fieldMessage = Object.values(body?.error?.fieldErrors ?? {})[0]?.[0];
      reject(
        new Error(fieldMessage ?? body?.error?.message ?? 'Le fichier n’a pas pu être envoyé.'),
      );
    };
    request.onerror = () => reject(new Error('Le fichier n’a pas pu être envoyé (réseau).'));
    request.send(upload.file);
  });
}
