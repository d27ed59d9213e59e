import { useMutation } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { pageTenant } from '../../shell/pageTenant.ts';
import { paths } from '../paths.ts';

/**
 * « Continuer sans compte » on a démarche open to visitors (`access.anonymous`): opens
 * (or resumes, on this browser) a draft held by a cookie, then the form.
 */
export function StartWithoutAccount({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const start = useMutation(
    trpc.anonymous.start.mutationOptions({
      onSuccess: (started) => navigate(paths.fill(started.dossierId)),
    }),
  );
  return (
    <>
      <button
        type="button"
        className="bouton-secondaire"
        disabled={start.isPending}
        onClick={() => start.mutate({ tenant: pageTenant(), demarche: slug })}
      >
        Continuer sans compte
      </button>
      {start.isError ? (
        <p className="alerte" role="alert">
          {domainErrorOf(start.error)?.message ?? 'Le dossier n’a pas pu être ouvert. Réessayez.'}
        </p>
      ) : null}
    </>
  );
}
