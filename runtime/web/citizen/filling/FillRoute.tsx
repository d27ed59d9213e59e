import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, lazy, Suspense, useState } from 'react';
import { useTRPC } from '../../api/trpcContext.ts';
import { loadValidators } from '../../forms/loadValidators.ts';
import { pageTenant } from '../../shell/pageTenant.ts';
import { FillPageLoading } from './FillPageLoading.tsx';

/** The form page and RJSF: their own chunks (a form page's script budget, runtime/web/bench/). */
const FillPage = lazy(() =>
  import('./FillPage.tsx').then((module) => ({
    default: module.FillPage as ComponentType<{ id: string; askedAt: number }>,
  })),
);

/**
 * `/dossiers/:id/remplir`: asks for the dossier, then for its version's validators,
 * while the form page's code is still on its way, instead of after it. `FillPage` takes
 * the dossier asked here as its fresh copy (`askedAt`), and `loadValidators` hands it the
 * module already on its way; a failure here is left to `FillPage`, which asks again.
 * The page's own Suspense keeps this state (and the request) across the wait for the
 * code, and shows the démarche's title as soon as the dossier is in.
 */
export function FillRoute({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [askedAt] = useState(() => {
    queryClient
      .fetchQuery(trpc.dossiers.get.queryOptions({ id }))
      .then(({ demarche }) =>
        loadValidators({
          tenant: pageTenant(),
          demarcheId: demarche.id,
          version: demarche.version,
        }),
      )
      .catch(() => undefined);
    return Date.now();
  });
  return (
    <Suspense fallback={<FillPageLoading id={id} />}>
      <FillPage id={id} askedAt={askedAt} />
    </Suspense>
  );
}
