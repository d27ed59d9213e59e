import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPCClient } from '../../api/trpcContext.ts';
import { pageTenant } from '../../shell/pageTenant.ts';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';

/**
 * « Mot de passe oublié » : asks for the address and shows the server's one answer
 * (`auth.requestPasswordReset`), the same whether or not an account has it.
 */
export function ForgotPasswordPage() {
  const client = useTRPCClient();
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ message: string; field?: string }>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      const answer = await client.auth.requestPasswordReset.mutate({
        tenant: pageTenant(),
        email: String(form.get('email') ?? ''),
      });
      setDone(answer.message);
    } catch (error) {
      const refusal = domainErrorOf(error);
      const field = refusal?.fieldErrors['/email']?.[0] ?? refusal?.fieldErrors.email?.[0];
      setProblem({
        message: refusal?.message ?? 'La demande a échoué. Réessayez dans un instant.',
        ...(field ? { field } : {}),
      });
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <CitizenPage title="Vérifiez votre messagerie">
        <p role="status">{done}</p>
        <p>
          Rien reçu après quelques minutes ? Vérifiez vos courriers indésirables, puis{' '}
          <Link href={paths.forgotPassword}>faites une nouvelle demande</Link>.
        </p>
      </CitizenPage>
    );
  }
  return (
    <CitizenPage title="Mot de passe oublié">
      {problem ? (
        <p className="alerte" role="alert">
          {problem.message}
        </p>
      ) : null}
      <p>
        Indiquez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un
        nouveau mot de passe.
      </p>
      <form className="formulaire-court" onSubmit={submit} noValidate>
        <div className="champ">
          <label htmlFor="oubli-email">
            Adresse électronique <span className="obligatoire">(obligatoire)</span>
          </label>
          <input
            id="oubli-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={problem?.field ? true : undefined}
            aria-describedby={problem?.field ? 'oubli-email-erreur' : undefined}
          />
          {problem?.field ? (
            <p id="oubli-email-erreur" className="champ-erreurs">
              {problem.field}
            </p>
          ) : null}
        </div>
        <button type="submit" className="bouton" disabled={busy}>
          Recevoir un lien
        </button>
      </form>
      <p>
        <Link href={paths.login}>Retour à la connexion</Link>
      </p>
    </CitizenPage>
  );
}
