import { type FormEvent, useRef, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPCClient } from '../../api/trpcContext.ts';

type FieldName = 'current' | 'next' | 'repeat';

interface Problem {
  message: string;
  fields: Partial<Record<FieldName, string>>;
}

const LABELS: Record<FieldName, { label: string; autoComplete: string }> = {
  current: { label: 'Mot de passe actuel', autoComplete: 'current-password' },
  next: { label: 'Nouveau mot de passe', autoComplete: 'new-password' },
  repeat: { label: 'Nouveau mot de passe, une seconde fois', autoComplete: 'new-password' },
};

/**
 * « Changer de mot de passe » (`auth.changePassword`): the current password, the new one
 * under the sign-up policy (the server decides and says why in French), typed twice so a
 * slip of the finger does not lock the citizen out. On success the other devices are
 * signed out and a mail tells the owner; on a refusal, focus goes to the first field in
 * error, whose message is tied to it.
 */
export function ChangePasswordForm() {
  const client = useTRPCClient();
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const status = useRef<HTMLParagraphElement>(null);

  function refuse(next: Problem) {
    setProblem(next);
    setDone(null);
    const first = (['current', 'next', 'repeat'] as const).find((name) => next.fields[name]);
    requestAnimationFrame(() => {
      const target = first ? document.getElementById(`compte-${first}`) : status.current;
      target?.focus();
    });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const current = String(data.get('current') ?? '');
    const next = String(data.get('next') ?? '');
    const repeat = String(data.get('repeat') ?? '');
    const fields: Problem['fields'] = {};
    if (current === '') fields.current = 'Indiquez votre mot de passe actuel.';
    if (next === '') fields.next = 'Choisissez un nouveau mot de passe.';
    else if (repeat !== next) fields.repeat = 'Les deux saisies du nouveau mot de passe diffèrent.';
    if (Object.keys(fields).length > 0) {
      refuse({ message: 'Le mot de passe n’a pas été changé : corrigez le formulaire.', fields });
      return;
    }
    setBusy(true);
    try {
      const { revokedSessions } = await client.auth.changePassword.mutate({ current, next });
      form.current?.reset();
      setProblem(undefined);
      setDone(
        `Votre mot de passe a été changé. ${
          revokedSessions > 0 ? 'Vos autres appareils connectés ont été déconnectés. ' : ''
        }Un e-mail vous le confirme.`,
      );
      requestAnimationFrame(() => status.current?.focus());
    } catch (error) {
      const refusal = domainErrorOf(error);
      const said = (name: string) =>
        refusal?.fieldErrors[`/${name}`]?.[0] ?? refusal?.fieldErrors[name]?.[0];
      const current = said('current');
      const nextError = said('next');
      refuse({
        message: refusal?.message ?? 'Le changement a échoué. Réessayez dans un instant.',
        fields: {
          ...(current ? { current } : {}),
          ...(nextError ? { next: nextError } : {}),
        },
      });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: FieldName) => {
    const error = problem?.fields[name];
    const id = `compte-${name}`;
    const hint = name === 'next' ? `${id}-aide` : undefined;
    return (
      <div className="champ">
        <label htmlFor={id}>
          {LABELS[name].label} <span className="obligatoire">(obligatoire)</span>
        </label>
        {hint ? (
          <p id={hint} className="champ-aide">
            12 caractères au moins, différent de l’actuel ; une phrase de plusieurs mots est idéale.
          </p>
        ) : null}
        <input
          id={id}
          name={name}
          type="password"
          autoComplete={LABELS[name].autoComplete}
          required
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
    <section aria-labelledby="titre-mot-de-passe">
      <h2 id="titre-mot-de-passe">Changer de mot de passe</h2>
      <p
        ref={status}
        tabIndex={-1}
        className={problem ? 'alerte' : done ? 'confirmation' : undefined}
        role={problem ? 'alert' : 'status'}
      >
        {problem?.message ?? done ?? ''}
      </p>
      <form ref={form} className="formulaire-court" onSubmit={submit} noValidate>
        {field('current')}
        {field('next')}
        {field('repeat')}
        <button type="submit" className="bouton" disabled={busy}>
          Changer le mot de passe
        </button>
      </form>
    </section>
  );
}
