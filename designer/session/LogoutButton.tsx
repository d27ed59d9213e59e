import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';

/** Ends the session; the studio then shows the login form again. */
export function LogoutButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({ onSuccess: () => queryClient.clear() }),
  );
  return (
    <button type="button" className="bouton-secondaire" onClick={() => logout.mutate()}>
      Se déconnecter
    </button>
  );
}
