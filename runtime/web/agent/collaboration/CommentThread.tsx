import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';

/**
 * The private comments between agents on a dossier, oldest first, plain text, and a
 * form to add one. Never shown to the applicant (docs/SECURITY.md §41): the section
 * says so, and the server refuses them to anyone but staff who may read the dossier.
 */
export function CommentThread({
  dossierId,
  textareaId,
  onAdded,
}: {
  dossierId: string;
  /** The text area's id, so a shortcut can focus it. */
  textareaId: string;
  onAdded: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hint = useId();
  const [body, setBody] = useState('');
  const comments = useQuery(trpc.dossiers.comments.list.queryOptions({ dossierId }));
  const add = useMutation(
    trpc.dossiers.comments.add.mutationOptions({
      onSuccess: async () => {
        setBody('');
        await queryClient.invalidateQueries({
          queryKey: trpc.dossiers.comments.list.queryKey({ dossierId }),
        });
        await onAdded();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() !== '') add.mutate({ dossierId, body });
  };
  return (
    <>
      <p id={hint}>Visibles des seuls agents : l’usager ne les voit jamais.</p>
      {comments.data?.length === 0 ? <p>Aucun commentaire interne.</p> : null}
      <ol className="messages commentaires">
        {comments.data?.map((comment) => (
          <li key={comment.id} className="agent">
            <p className="auteur">
              {comment.mine ? 'Vous' : (comment.authorName ?? 'Un agent')} —{' '}
              <time dateTime={comment.createdAt}>
                {new Date(comment.createdAt).toLocaleString('fr-FR')}
              </time>
            </p>
            <p className="corps">{comment.body}</p>
          </li>
        ))}
      </ol>
      <form className="formulaire" onSubmit={submit}>
        <div className="champ">
          <label htmlFor={textareaId}>Nouveau commentaire interne</label>
          <textarea
            id={textareaId}
            rows={3}
            maxLength={5000}
            aria-describedby={hint}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        </div>
        {add.error ? (
          <p role="alert">
            {domainErrorOf(add.error)?.message ?? 'Le commentaire n’a pas pu être enregistré.'}
          </p>
        ) : null}
        <button type="submit" disabled={add.isPending}>
          Ajouter le commentaire
        </button>
      </form>
    </>
  );
}
