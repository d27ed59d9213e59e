/** What `POST /api/reference-tables?…&apercu=1` answers: nothing is written. */
export interface ReferenceCsvPreview {
  header: string[];
  firstRows: string[][];
  rowCount: number;
  errors: Array<{ line: number; message: string }>;
  errorCount: number;
}

/**
 * Sends a reference table's CSV to its own route (20 MB: docs/SECURITY.md §117, where the
 * API stops at 2 MiB), raw, with the session cookie of our own origin only: to preview it
 * (`preview: true`, nothing written) or to import it. Rejects with the server's French
 * message.
 *
 * @example
 * const preview = await sendReferenceCsv({ code: 'communes', label: 'Communes', csv: file, preview: true });
 */
export async function sendReferenceCsv<Preview extends boolean>(upload: {
  code: string;
  label: string;
  csv: Blob | string;
  preview: Preview;
}): Promise<Preview extends true ? ReferenceCsvPreview : { code: string; rowCount: number }> {
  const query = new URLSearchParams({ code: upload.code, label: upload.label });
  if (upload.preview) query.set('apercu', '1');
  const response = await fetch(`/api/reference-tables?${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv; charset=utf-8' },
    body: upload.csv,
  }).catch(() => null);
  if (response === null) throw new Error('Le fichier n’a pas pu être envoyé (réseau).');
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string };
  } | null;
  if (response.status === 200 && body) return body as never;
  throw new Error(body?.error?.message ?? 'Le fichier n’a pas pu être envoyé.');
}
