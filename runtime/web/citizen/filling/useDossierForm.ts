import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/router.ts';
import { useTRPC } from '../../api/trpcContext.ts';
import { loadValidators } from '../../forms/index.ts';
import { pageTenant } from '../../shell/pageTenant.ts';

/** A dossier as `dossiers.get` shows it to its applicant. */
export type DossierForm = inferRouterOutputs<AppRouter>['dossiers']['get'];

/**
 * A dossier as its applicant fills it (`dossiers.get`, not refetched behind their back:
 * the draft hook owns the answers from then on) and the precompiled validators of its
 * own published version. `askedAt` is when this visit of the page asked for the dossier
 * (FillRoute): a copy answered since is fresh, an older one is asked again.
 *
 * @example
 * const { dossier, validators } = useDossierForm(id, askedAt);
 */
export function useDossierForm(id: string, askedAt: number) {
  const trpc = useTRPC();
  const dossier = useQuery({
    ...trpc.dossiers.get.queryOptions({ id }),
    // Always the saved answers of now (a draft resumed later, another tab): a copy older
    // than this visit would start the form from old answers.
    refetchOnMount: (query) => (query.state.dataUpdatedAt < askedAt ? 'always' : false),
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const version = dossier.data?.demarche;
  const validators = useQuery({
    queryKey: ['validators', version?.id, version?.version],
    queryFn: () =>
      loadValidators({ tenant: pageTenant(), demarcheId: version!.id, version: version!.version }),
    enabled: version !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
  // Until the fresh copy is in, the cached one must not seed the draft.
  const fresh = dossier.dataUpdatedAt >= askedAt ? dossier.data : undefined;
  return { dossier: { ...dossier, data: fresh }, validators };
}
