import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { domainErrorOf } from '../../runtime/web/api/domainErrorOf.ts';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import { FormOutcome } from './FormOutcome.tsx';
import { ROLE_LABELS, type StaffRole } from './roleLabels.ts';
import { unitOptionLabel } from './unitTypes.ts';

/**
 * Invites someone by e-mail with one role, on the whole collectivité or on chosen units
 * (and their sub-units). The server mails the single-use link (docs/SECURITY.md §40).
 */
export function InviteStaffForm({ onInvited }: { onInvited: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const tree = useQuery(trpc.units.tree.queryOptions({}));
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('agent');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const invite = useMutation(
    trpc.staff.invite.mutationOptions({
      onSuccess: async (invitation) => {
        setDone(`Invitation envoyée à ${invitation.email}.`);
        setEmail('');
        setDisplayName('');
        setUnitIds([]);
        await onInvited();
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    const access =
      unitIds.length === 0 ? [{ role, unitId: null }] : unitIds.map((unitId) => ({ role, unitId }));
    invite.mutate({ email, displayName, access });
  }
  const refusal = invite.error ? domainErrorOf(invite.error) : null;
  const units = (tree.data ?? []).filter((unit) => !unit.archived);
  return (
    <section aria-labelledby="titre-invitation" className="carte">
      <h2 id="titre-invitation">Inviter un membre du personnel</h2>
      <form onSubmit={submit}>
        <div className="champ">
          <label htmlFor="invitation-nom">Nom et prénom</label>
          <input
            id="invitation-nom"
            value={displayName}
            required
            maxLength={200}
            autoComplete="off"
            onChange={(event) => setDisplayName(event.target.value)}
          />
        </div>
        <div className="champ">
          <label htmlFor="invitation-email">Adresse e-mail</label>
          <input
            id="invitation-email"
            type="email"
            value={email}
            required
            autoComplete="off"
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="champ">
          <label htmlFor="invitation-role">Rôle</label>
          <select
            id="invitation-role"
            value={role}
            onChange={(event) => setRole(event.target.value as StaffRole)}
          >
            {Object.entries(ROLE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="champ">
          <legend>Services</legend>
          <p className="aide">Aucun coché : le rôle vaut pour toute la collectivité.</p>
          {units.map((unit) => (
            <div className="choix" key={unit.id}>
              <input
                type="checkbox"
                id={`invitation-service-${unit.id}`}
                checked={unitIds.includes(unit.id)}
                onChange={(event) =>
                  setUnitIds((ids) =>
                    event.target.checked ? [...ids, unit.id] : ids.filter((id) => id !== unit.id),
                  )
                }
              />
              <label htmlFor={`invitation-service-${unit.id}`}>{unitOptionLabel(unit)}</label>
            </div>
          ))}
        </fieldset>
        <FormOutcome refusal={refusal?.message} done={done} />
        <button type="submit" className="bouton-principal" disabled={invite.isPending}>
          Envoyer l’invitation
        </button>
      </form>
    </section>
  );
}
