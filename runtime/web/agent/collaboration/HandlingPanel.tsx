import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import type { Me } from '../AccountBar.tsx';
import type { Dossier } from '../dossier/dossierTypes.ts';

/**
 * Who handles the dossier and who follows it: « Je m’en occupe » (claim), assign to a
 * colleague who may see it (a native combobox — an input with a `datalist` of the names
 * `dossiers.assignees` gives — rather than react-aria's, whose open popover hides the
 * rest of the page with `aria-hidden` over focusable elements), release,
 * follow / stop following. Each change carries the revision shown, so a colleague's
 * change in between is told in the server's words and nothing is overwritten
 * (docs/SECURITY.md §45); the page then reloads the dossier and its history.
 */
export function HandlingPanel({
  dossier,
  me,
  refresh,
  announce,
}: {
  dossier: Dossier;
  me: Me;
  refresh: () => Promise<void>;
  announce: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dossierId = dossier.id;
  const assignees = useQuery(trpc.dossiers.assignees.queryOptions({ dossierId }));
  const followed = useQuery(trpc.dossiers.followed.queryOptions({}));
  const following = followed.data?.items.some((item) => item.dossierId === dossierId) ?? false;
  const [typed, setTyped] = useState('');
  const ids = { input: useId(), list: useId() };
  const [refusal, setRefusal] = useState<string | null>(null);

  const after = async (message: string) => {
    setRefusal(null);
    await refresh();
    announce(message);
  };
  const refused = async (error: unknown) => {
    setRefusal(domainErrorOf(error)?.message ?? 'La modification n’a pas pu être enregistrée.');
    await refresh();
  };
  const claim = useMutation(trpc.dossiers.claim.mutationOptions());
  const assign = useMutation(trpc.dossiers.assign.mutationOptions());
  const release = useMutation(trpc.dossiers.release.mutationOptions());
  const follow = useMutation(trpc.dossiers.follow.mutationOptions());
  const unfollow = useMutation(trpc.dossiers.unfollow.mutationOptions());
  const busy =
    claim.isPending ||
    assign.isPending ||
    release.isPending ||
    follow.isPending ||
    unfollow.isPending;

  const options = (assignees.data?.items ?? []).map((item) => ({
    userId: item.userId,
    label: item.me ? `${item.displayName} (moi)` : item.displayName,
  }));
  const chosen =
    options.find(
      (option) => option.label.toLocaleLowerCase('fr') === typed.trim().toLocaleLowerCase('fr'),
    )?.userId ?? null;
  const nameOf = (userId: string) =>
    assignees.data?.items.find((item) => item.userId === userId)?.displayName ?? 'un autre agent';
  const holder =
    dossier.assigneeId === null
      ? 'Personne ne s’en occupe.'
      : dossier.assigneeId === me.id
        ? 'Vous vous en occupez.'
        : `${nameOf(dossier.assigneeId)} s’en occupe.`;
  const mayRelease =
    dossier.assigneeId !== null &&
    (dossier.assigneeId === me.id || me.roles.includes('admin') || me.roles.includes('supervisor'));
  const run = async (change: () => Promise<unknown>, message: string) => {
    try {
      await change();
      await after(message);
    } catch (error) {
      await refused(error);
    }
  };
  const revision = dossier.revision;

  return (
    <>
      <p id="prise-en-charge">{holder}</p>
      {refusal ? (
        <p role="alert" className="alerte">
          {refusal}
        </p>
      ) : null}
      <div className="boutons">
        {dossier.assigneeId !== me.id ? (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(
                () => claim.mutateAsync({ dossierId, revision }),
                'Vous vous occupez de ce dossier.',
              )
            }
          >
            Je m’en occupe
          </button>
        ) : null}
        {mayRelease ? (
          <button
            type="button"
            className="secondaire"
            disabled={busy}
            onClick={() =>
              run(() => release.mutateAsync({ dossierId, revision }), 'Le dossier est libéré.')
            }
          >
            Libérer le dossier
          </button>
        ) : null}
        <button
          type="button"
          className="secondaire"
          aria-pressed={following}
          disabled={busy || followed.isPending}
          onClick={() =>
            run(
              async () => {
                await (following ? unfollow : follow).mutateAsync({ dossierId });
                await queryClient.invalidateQueries({
                  queryKey: trpc.dossiers.followed.queryKey(),
                });
              },
              following ? 'Vous ne suivez plus ce dossier.' : 'Vous suivez ce dossier.',
            )
          }
        >
          {following ? <span aria-hidden="true">✓ </span> : null}Suivre ce dossier
        </button>
      </div>
      <form
        className="assigner"
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen === null) {
            setRefusal('Choisissez dans la liste la personne à qui confier le dossier.');
            return;
          }
          void run(
            () =>
              assign.mutateAsync({ dossierId, revision, to: { kind: 'agent', userId: chosen } }),
            `Dossier confié à ${nameOf(chosen)}.`,
          ).then(() => setTyped(''));
        }}
      >
        <div className="champ">
          <label htmlFor={ids.input}>Confier à un collègue</label>
          <input
            id={ids.input}
            list={ids.list}
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <datalist id={ids.list}>
            {options.map((option) => (
              <option key={option.userId} value={option.label} />
            ))}
          </datalist>
        </div>
        <button type="submit" disabled={busy}>
          Confier le dossier
        </button>
      </form>
    </>
  );
}
