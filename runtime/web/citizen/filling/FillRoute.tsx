import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
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

/** Where the browser landed: the only page whose code the server's `Link` header fetched. */
const landing = currentAddress();

function currentAddress(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/**
 * `/dossiers/:id/remplir`: asks for the dossier, then for its version's validators,
 * while the form page's code is still on its way, instead of after it. `FillPage` takes
 * the dossier asked here as its fresh copy (`askedAt`), and `loadValidators` hands it the
 * module already on its way; a failure here is left to `FillPage`, which asks again.
 *
 * On the page the browser landed on, the form page's code (RJSF, ~150 KB of script,
 * fetched beside the entry: the server's `Link` header) is run only once the dossier's
 * answer has been drawn: running it takes ~0.5 s of main thread on a slow phone, during
 * which the démarche's title, the page's largest text, could not be drawn; the validators
 * still load meanwhile. Reached by navigation, no header fetched that code: it is asked at
 * once, beside the dossier, as before.
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
  const answered = useQuery({ ...trpc.dossiers.get.queryOptions({ id }), enabled: false }).status;
  const [formCode, setFormCode] = useState(() => currentAddress() !== landing);
  useEffect(() => {
    if (answered === 'pending' || formCode) return;
    // After the next frame: the answer (the title, or the refusal FillPage shows) is on screen.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setFormCode(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [answered, formCode]);
  // The page's own Suspense keeps this state (and the request) across the wait for the code.
  return (
    <Suspense fallback={<FillPageLoading id={id} />}>
      {formCode ? <FillPage id={id} askedAt={askedAt} /> : <FillPageLoading id={id} />}
    </Suspense>
  );
}
