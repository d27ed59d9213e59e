import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';

/**
 * The messages between the applicant and the staff, oldest first, plain text (never
 * HTML), and a form to write to the applicant. A refused message keeps its text.
 */
export function MessageThread({ dossierId }: { dossierId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [body, setBody] = useState('');
  const messages = useQuery(trpc.dossiers.messages.list.queryOptions({ dossierId }));
  const send = useMutation(
    trpc.dossiers.messages.send.mutationOptions({
      onSuccess: async () => {
        setBody('');
        await queryClient.invalidateQueries({
          queryKey: trpc.dossiers.messages.list.queryKey({ dossierId }),
        });
        await queryClient.invalidateQueries({
          queryKey: trpc.dossiers.history.queryKey({ id: dossierId }),
        });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() !== '') send.mutate({ dossierId, body });
  };
  return (
    <>
      {messages.data?.length === 0 ? <p>Aucun message pour l’instant.</p> : null}
      <ol className="messages">
        {messages.data?.map((message) => (
          <li key={message.id} className={message.authorRole === 'applicant' ? 'usager' : 'agent'}>
            <p className="auteur">
              {message.authorName ??
                (message.authorRole === 'system' ? 'Message automatique' : 'Agent')}{' '}
              —{' '}
              <time dateTime={message.createdAt}>
                {new Date(message.createdAt).toLocaleString('fr-FR')}
              </time>
            </p>
            <p className="corps">{message.body}</p>
          </li>
        ))}
      </ol>
      <form className="formulaire" onSubmit={submit}>
        <div className="champ">
          <label htmlFor={id}>Écrire à l’usager</label>
          <textarea
            id={id}
            rows={3}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        </div>
        {send.error ? (
          <p role="alert">
            {domainErrorOf(send.error)?.message ?? 'Le message n’a pas pu être envoyé.'}
          </p>
        ) : null}
        <button type="submit" disabled={send.isPending}>
          Envoyer le message
        </button>
      </form>
    </>
  );
}
