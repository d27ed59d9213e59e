import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { domainErrorOf } from '../../runtime/web/api/domainErrorOf.ts';
import { useTRPC, useTRPCClient } from '../../runtime/web/api/trpcContext.ts';
import { TEMPLATES } from '../../templates/index.ts';
import { slugFromTitle } from './slugFromTitle.ts';
import { templateDraft } from './templateDraft.ts';

const EMPTY = '';

/**
 * Creates a démarche, empty (the server's valid skeleton) or from a template of
 * `templates/` (created, then its first draft saved on revision 0), and opens it.
 */
export function CreateDemarcheForm({ onCreated }: { onCreated: (id: string) => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [template, setTemplate] = useState(EMPTY);
  const create = useMutation({
    mutationFn: async () => {
      const created = await client.demarches.create.mutate({ slug, title: title.trim() });
      const draft =
        template === EMPTY ? null : templateDraft(template, { slug, title: title.trim() });
      if (draft) {
        await client.demarches.saveDraft.mutate({
          id: created.id,
          draft: draft as unknown as Record<string, unknown>,
          revision: created.draftRevision,
        });
      }
      return created.id;
    },
    onSuccess: async (id) => {
      await queryClient.invalidateQueries({ queryKey: trpc.demarches.list.queryKey() });
      onCreated(id);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  const refusal = create.error ? domainErrorOf(create.error) : null;
  const slugError = refusal?.fieldErrors['slug']?.[0] ?? refusal?.fieldErrors['/slug']?.[0];
  return (
    <section aria-labelledby="titre-creation" className="carte">
      <h2 id="titre-creation">Créer une démarche</h2>
      <form onSubmit={submit}>
        <div className="champ">
          <label htmlFor="creation-titre">Titre de la démarche</label>
          <input
            id="creation-titre"
            value={title}
            required
            maxLength={200}
            onChange={(event) => {
              setTitle(event.target.value);
              if (!slugEdited) setSlug(slugFromTitle(event.target.value));
            }}
          />
        </div>
        <div className="champ">
          <label htmlFor="creation-identifiant">Identifiant dans l’adresse</label>
          <p id="aide-identifiant" className="aide">
            Lettres minuscules, chiffres et tirets ; il ne pourra plus changer.
          </p>
          <input
            id="creation-identifiant"
            value={slug}
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            aria-describedby={
              slugError ? 'aide-identifiant erreur-identifiant' : 'aide-identifiant'
            }
            aria-invalid={slugError ? true : undefined}
            onChange={(event) => {
              setSlug(event.target.value);
              setSlugEdited(true);
            }}
          />
          {slugError ? (
            <p id="erreur-identifiant" className="message-erreur">
              {slugError}
            </p>
          ) : null}
        </div>
        <fieldset className="champ">
          <legend>Point de départ</legend>
          <div className="choix">
            <input
              type="radio"
              id="modele-vide"
              name="modele"
              checked={template === EMPTY}
              onChange={() => setTemplate(EMPTY)}
            />
            <label htmlFor="modele-vide">Démarche vide</label>
          </div>
          {TEMPLATES.map((candidate) => (
            <div className="choix" key={candidate.slug}>
              <input
                type="radio"
                id={`modele-${candidate.slug}`}
                name="modele"
                checked={template === candidate.slug}
                onChange={() => setTemplate(candidate.slug)}
              />
              <label htmlFor={`modele-${candidate.slug}`}>Modèle : {candidate.title}</label>
            </div>
          ))}
        </fieldset>
        {refusal && !slugError ? (
          <p role="alert" className="message-erreur">
            {refusal.message}
          </p>
        ) : null}
        {create.error && !refusal ? (
          <p role="alert" className="message-erreur">
            La démarche n’a pas pu être créée. Veuillez réessayer.
          </p>
        ) : null}
        <button type="submit" className="bouton-principal" disabled={create.isPending}>
          {create.isPending ? 'Création…' : 'Créer et ouvrir'}
        </button>
      </form>
    </section>
  );
}
