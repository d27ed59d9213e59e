import { useState } from 'react';
import { domainErrorOf } from '../api/domainErrorOf.ts';
import { useTRPCClient } from '../api/trpcContext.ts';

/**
 * « Télécharger l'accusé de réception (PDF) »: fetches the receipt made by the server
 * (`dossiers.receipt`) and hands it to the browser as a file download.
 */
export function ReceiptDownload({ id }: { id: string }) {
  const client = useTRPCClient();
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    setProblem('');
    try {
      const receipt = await client.dossiers.receipt.query({ id });
      const bytes = Uint8Array.from(atob(receipt.pdfBase64), (char) => char.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = receipt.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later: some browsers start reading the blob after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      setProblem(
        domainErrorOf(error)?.message ??
          'L’accusé de réception n’a pas pu être téléchargé. Réessayez dans un instant.',
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="actions">
      <button type="button" className="bouton-secondaire" disabled={busy} onClick={download}>
        Télécharger l’accusé de réception (PDF)
      </button>
      <p role="alert">{problem}</p>
    </div>
  );
}
