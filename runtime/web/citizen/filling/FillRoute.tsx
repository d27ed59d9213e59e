import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, lazy, useState } from 'react';
import { useTRPC } from '../../api/trpcContext.ts';

/** The form page and RJSF: their own chunks (a form page's script budget, runtime/web/bench/). */
const FillPage = lazy(() =>
  import('./FillPage.tsx').then((module) => ({
    default: module.FillPage as ComponentType<{ id: string }>,
  })),
);

/**
 * `/dossiers/:id/remplir`: asks for the dossier while the form page's code is still on
 * its way, instead of after. `FillPage` wants a copy fetched after it mounts
 * (`useDossierForm`); a request still in flight when it mounts is that copy (TanStack
 * Query shares it), and one already answered is simply asked again, as without this.
 */
export function FillRoute({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useState(() => void queryClient.prefetchQuery(trpc.dossiers.get.queryOptions({ id })));
  return <FillPage id={id} />;
}
