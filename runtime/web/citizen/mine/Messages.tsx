import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { dateInWords } from './stateInWords.ts';

/** The dossier's messages with the service (`dossiers.messages.*`), as plain text, and a form to write one. */
export function Messages({ dossierId }: { dossierId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const messages = useQuery(trpc.dossiers.messages.list.queryOptions({ dossierId }));
  const send = useMutation(
    trpc.dossiers.messages.send.mutationOptions({
      onSuccess: async () => {
        setBody('');
        await queryClient.invalidateQueries({
          queryKey: trpc.dossiers.messages.list.queryKey({ dossierId }),
        });
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    if (body.trim() !== '') send.mutate({ dossierId, body });
  }
  return (
    <section aria-labelledby="titre-messages">
      <h2 id="titre-messages">Messages</h2>
      {messages.data?.length === 0 ? <p>Aucun message pour le moment.</p> : null}
      <ol className="messages">
        {(messages.data ?? []).map((message) => (
          <li key={message.id} className={message.mine ? 'message-moi' : 'message-service'}>
            <p className="message-auteur">
              {message.mine ? 'Vous' : (message.authorName ?? 'Le service')} —{' '}
              {dateInWords(message.createdAt)}
            </p>
            <p className="message-texte">{message.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="formulaire-court">
        <div className="champ">
          <label htmlFor="nouveau-message">Écrire au service</label>
          <textarea
            id="nouveau-message"
            rows={4}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        </div>
        {send.isError ? (
          <p className="alerte" role="alert">
            {domainErrorOf(send.error)?.message ?? 'Le message n’a pas pu être envoyé.'}
          </p>
        ) : null}
        <button type="submit" className="bouton" disabled={send.isPending}>
          Envoyer le message
        </button>
      </form>
    </section>
  );
}
