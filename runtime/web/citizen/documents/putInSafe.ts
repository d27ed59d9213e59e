/** A document of the safe as `POST /api/documents` answers. */
export interface SafeDocument {
  id: string;
  label: string;
  fileName: string;
}

/**
 * Sends a file to the citizen's safe: the raw file as the body, typed as opaque bytes
 * (the server decides the type from the content), with the session cookie of our own
 * origin only. Rejects with the server's French message.
 *
 * @example
 * await putInSafe({ file, label: 'Justificatif de domicile', validUntil: '' });
 */
export async function putInSafe(upload: {
  file: File;
  label: string;
  validUntil: string;
}): Promise<SafeDocument> {
  const query = new URLSearchParams({
    name: upload.file.name,
    label: upload.label,
    validUntil: upload.validUntil,
  });
  const response = await fetch(`/api/documents?${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream' },
    body: upload.file,
  }).catch(() => null);
  if (response === null) throw new Error('Le document n’a pas pu être envoyé (réseau).');
  const body = (await response.json().catch(() => null)) as
    | (SafeDocument & { error?: { message?: string } })
    | null;
  if (response.status === 201 && body) return body;
  throw new Error(body?.error?.message ?? 'Le document n’a pas pu être envoyé.');
}
