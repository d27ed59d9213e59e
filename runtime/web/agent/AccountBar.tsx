import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/router.ts';
import { useTRPC } from '../api/trpcContext.ts';
import { MainNavigation } from './navigation/MainNavigation.tsx';

/** The signed-in staff member, as `auth.me` gives it. */
export type Me = NonNullable<inferRouterOutputs<AppRouter>['auth']['me']>;

/** The back office's screens, then who is signed in, in which collectivité, and the way out. */
export function AccountBar({ me }: { me: Me }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        window.location.assign('/agent/');
      },
    }),
  );
  return (
    <>
      <MainNavigation />
      <nav className="compte" aria-label="Compte">
        <p>
          {me.displayName} — {me.tenant.name}
        </p>
        <button type="button" className="secondaire" onClick={() => logout.mutate()}>
          Se déconnecter
        </button>
      </nav>
    </>
  );
}
