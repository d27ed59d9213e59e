import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPCClient } from '../../api/trpcContext.ts';
import { pageTenant } from '../../shell/pageTenant.ts';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';

/** Create a citizen account (`auth.signup`); the server answers the same whether or not the address was taken. */
export function SignupPage() {
  const client = useTRPCClient();
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string[]> }>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      const answer = await client.auth.signup.mutate({
        tenant: pageTenant(),
        displayName: String(form.get('displayName') ?? ''),
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
      });
      setDone(answer.message);
      setProblem(undefined);
    } catch (error) {
      const refusal = domainErrorOf(error);
      setProblem({
        message: refusal?.message ?? 'La création du compte a échoué. Réessayez plus tard.',
        fields: refusal?.fieldErrors ?? {},
      });
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <CitizenPage title="Compte créé">
        <p role="status">{done}</p>
        <p>
          <Link href={paths.login}>Se connecter</Link>
        </p>
      </CitizenPage>
    );
  }
  const fieldError = (name: string) =>
    problem?.fields[`/${name}`]?.[0] ?? problem?.fields[name]?.[0];
  const field = (name: string, label: string, input: { type: string; autoComplete: string }) => {
    const error = fieldError(name);
    const id = `inscription-${name}`;
    const hint = name === 'password' ? `${id}-aide` : undefined;
    return (
      <div className="champ">
        <label htmlFor={id}>
          {label} <span className="obligatoire">(obligatoire)</span>
        </label>
        {hint ? (
          <p id={hint} className="champ-aide">
            12 caractères au moins ; une phrase de plusieurs mots est idéale.
          </p>
        ) : null}
        <input
          id={id}
          name={name}
          required
          {...input}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [hint, error ? `${id}-erreur` : undefined].filter(Boolean).join(' ') || undefined
          }
        />
        {error ? (
          <p id={`${id}-erreur`} className="champ-erreurs">
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <CitizenPage title="Créer un compte">
      {problem ? (
        <p className="alerte" role="alert">
          {problem.message}
        </p>
      ) : null}
      <form className="formulaire-court" onSubmit={submit} noValidate>
        {field('displayName', 'Nom et prénom', { type: 'text', autoComplete: 'name' })}
        {field('email', 'Adresse électronique', { type: 'email', autoComplete: 'email' })}
        {field('password', 'Mot de passe', { type: 'password', autoComplete: 'new-password' })}
        <button type="submit" className="bouton" disabled={busy}>
          Créer mon compte
        </button>
      </form>
      <p>
        Déjà un compte ? <Link href={paths.login}>Se connecter</Link>
      </p>
    </CitizenPage>
  );
}
