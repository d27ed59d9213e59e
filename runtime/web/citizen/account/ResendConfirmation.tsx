import { useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPCClient } from '../../api/trpcContext.ts';

/**
 * « Renvoyer le lien » for a citizen whose address is not confirmed yet: mails a new
 * confirmation link (`auth.resendConfirmation`, limited per account) and says so in a
 * status line screen readers announce.
 */
export function ResendConfirmation({ email }: { email?: string | undefined }) {
  const client = useTRPCClient();
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);
  async function resend() {
    setBusy(true);
    try {
      const answer = await client.auth.resendConfirmation.mutate();
      setStatus(
        answer.alreadyConfirmed
          ? 'Votre adresse e-mail est déjà confirmée : rechargez la page.'
          : `Un nouveau lien de confirmation vient d’être envoyé${email ? ` à ${email}` : ''}. Il est valable 48 heures.`,
      );
    } catch (error) {
      setStatus(domainErrorOf(error)?.message ?? 'L’envoi a échoué. Réessayez dans un instant.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="confirmation">
      <p>
        Vous n’avez pas reçu l’e-mail de confirmation, ou le lien a expiré ? Vérifiez vos courriers
        indésirables, ou demandez un nouveau lien.
      </p>
      <button type="button" className="bouton-secondaire" disabled={busy} onClick={resend}>
        Renvoyer le lien de confirmation
      </button>
      <p role="status">{status}</p>
    </div>
  );
}
