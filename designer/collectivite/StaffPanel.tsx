import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { domainErrorOf } from '../../runtime/web/api/domainErrorOf.ts';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import { InviteStaffForm } from './InviteStaffForm.tsx';
import { ROLE_LABELS } from './roleLabels.ts';

/**
 * The collectivité's staff: each member with their roles and units, access revoked
 * (account disabled, every session ended) or given back; the invitations still pending,
 * each cancellable (its link stops working at once); and the form to invite someone.
 */
export function StaffPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useQuery(trpc.staff.list.queryOptions({}));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() });
  const disable = useMutation(trpc.staff.disable.mutationOptions({ onSuccess: refresh }));
  const enable = useMutation(trpc.staff.enable.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.staff.cancelInvitation.mutationOptions({ onSuccess: refresh }));
  const error = disable.error ?? enable.error ?? cancel.error;
  return (
    <>
      <section aria-labelledby="titre-personnel">
        <h2 id="titre-personnel">Personnel</h2>
        {staff.isPending ? <p role="status">Chargement du personnel…</p> : null}
        {error ? (
          <p role="alert" className="message-erreur">
            {domainErrorOf(error)?.message ?? 'L’action a échoué. Veuillez réessayer.'}
          </p>
        ) : null}
        {staff.data ? (
          <table>
            <caption>Membres du personnel</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Adresse e-mail</th>
                <th scope="col">Rôles</th>
                <th scope="col">État</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {staff.data.members.map((member) => (
                <tr key={member.id}>
                  <td>{member.displayName}</td>
                  <td>{member.email}</td>
                  <td>
                    {member.access
                      .map(
                        (entry) =>
                          `${ROLE_LABELS[entry.role]} — ${entry.unit ? entry.unit.name : 'toute la collectivité'}`,
                      )
                      .join(' ; ')}
                  </td>
                  <td>{member.disabled ? 'Accès révoqué' : 'Actif'}</td>
                  <td>
                    {member.disabled ? (
                      <button
                        type="button"
                        onClick={() => enable.mutate({ userId: member.id })}
                        aria-label={`Rétablir l’accès de ${member.displayName}`}
                      >
                        Rétablir l’accès
                      </button>
                    ) : (
                      <button
                        type="button"
                        onClick={() => {
                          if (
                            window.confirm(
                              `Révoquer l’accès de ${member.displayName} ? Ses sessions seront fermées immédiatement.`,
                            )
                          )
                            disable.mutate({ userId: member.id });
                        }}
                        aria-label={`Révoquer l’accès de ${member.displayName}`}
                      >
                        Révoquer l’accès
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {staff.data && staff.data.invitations.length > 0 ? (
          <>
            <h3>Invitations en attente</h3>
            <ul>
              {staff.data.invitations.map((invitation) => (
                <li key={invitation.id}>
                  {invitation.displayName} ({invitation.email}) —{' '}
                  {invitation.sent ? 'envoyée' : 'en cours d’envoi'}, valable jusqu’au{' '}
                  {new Date(invitation.expiresAt).toLocaleDateString('fr-FR')}{' '}
                  <button
                    type="button"
                    onClick={() => {
                      if (
                        window.confirm(
                          `Annuler l’invitation de ${invitation.displayName} ? Le lien reçu par e-mail ne fonctionnera plus.`,
                        )
                      )
                        cancel.mutate({ invitationId: invitation.id });
                    }}
                    aria-label={`Annuler l’invitation de ${invitation.displayName}`}
                  >
                    Annuler l’invitation
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <InviteStaffForm onInvited={refresh} />
    </>
  );
}
