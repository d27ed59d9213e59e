import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { counterPath } from '../navigation/agentRoute.ts';
import { useAgentRoute } from '../navigation/useAgentRoute.ts';

/**
 * « Nouveau dossier »: one button per démarche the agent may open (`counter.demarches`).
 * An internal note opens at once, the agent being its applicant; a dossier for a person
 * first asks their name and, if they give one, their address. Then the form opens.
 */
export function NewDossierMenu() {
  const trpc = useTRPC();
  const demarches = useQuery(trpc.counter.demarches.queryOptions());
  const start = useMutation(trpc.counter.start.mutationOptions());
  const { navigate } = useAgentRoute();
  const [forPerson, setForPerson] = useState<{ slug: string; title: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();
  if (!demarches.data || demarches.data.length === 0) return null;

  async function open(demarche: string, applicant?: { name: string; email?: string }) {
    setProblem(null);
    try {
      const started = await start.mutateAsync(applicant ? { demarche, applicant } : { demarche });
      navigate(counterPath(started.id));
    } catch (error) {
      setProblem(domainErrorOf(error)?.message ?? 'Le dossier n’a pas pu être ouvert. Réessayez.');
    }
  }

  return (
    <section className="nouveau-dossier" aria-labelledby={headingId}>
      <h2 id={headingId}>Nouveau dossier</h2>
      <ul className="liste-boutons">
        {demarches.data.map((demarche) => (
          <li key={demarche.slug}>
            <button
              type="button"
              className="bouton-secondaire"
              disabled={start.isPending}
              onClick={() =>
                demarche.applicant === 'self'
                  ? void open(demarche.slug)
                  : setForPerson({ slug: demarche.slug, title: demarche.title })
              }
            >
              {demarche.applicant === 'self' ? demarche.title : `${demarche.title} (au guichet)`}
            </button>
          </li>
        ))}
      </ul>
      {forPerson ? (
        <PersonForm
          title={forPerson.title}
          busy={start.isPending}
          onCancel={() => setForPerson(null)}
          onSubmit={(applicant) => void open(forPerson.slug, applicant)}
        />
      ) : null}
      {problem ? <p role="alert">{problem}</p> : null}
    </section>
  );
}

function PersonForm(props: {
  title: string;
  busy: boolean;
  onCancel(): void;
  onSubmit(applicant: { name: string; email?: string }): void;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="pour-qui"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() === '') {
          setMissing(true);
          return;
        }
        props.onSubmit(email.trim() === '' ? { name } : { name, email: email.trim() });
      }}
    >
      <fieldset>
        <legend>{props.title} : pour qui ouvrez-vous ce dossier ?</legend>
        <div className="champ">
          <label htmlFor="guichet-nom">Nom et prénom de la personne</label>
          <input
            id="guichet-nom"
            autoComplete="off"
            value={name}
            aria-invalid={missing}
            aria-describedby={missing ? 'guichet-nom-erreur' : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          {missing ? (
            <p id="guichet-nom-erreur" className="erreur">
              Indiquez le nom de la personne.
            </p>
          ) : null}
        </div>
        <div className="champ">
          <label htmlFor="guichet-courriel">Adresse électronique (facultatif)</label>
          <p id="guichet-courriel-aide" className="aide">
            Si elle a un compte à cette adresse, le dossier y sera rattaché ; sinon elle recevra un
            code de suivi.
          </p>
          <input
            id="guichet-courriel"
            type="email"
            autoComplete="off"
            aria-describedby="guichet-courriel-aide"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="bouton" disabled={props.busy}>
          Ouvrir le dossier
        </button>
        <button type="button" className="bouton-secondaire" onClick={props.onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
