import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTRPC } from '../../api/trpcContext.ts';
import { pageTenant } from '../../shell/pageTenant.ts';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';

/** The published démarches of the tenant, each a link to its page. */
export function CataloguePage() {
  const trpc = useTRPC();
  const demarches = useQuery(trpc.demarches.listPublished.queryOptions({ tenant: pageTenant() }));
  let status = 'Chargement des démarches…';
  if (demarches.isError) {
    status = 'Les démarches n’ont pas pu être chargées. Veuillez réessayer plus tard.';
  } else if (demarches.data) {
    status =
      demarches.data.length === 0
        ? 'Aucune démarche n’est ouverte pour le moment.'
        : `${demarches.data.length} démarche(s) ouverte(s).`;
  }
  return (
    <CitizenPage title="Démarches disponibles">
      <p role="status">{status}</p>
      <ul className="cartes">
        {demarches.data?.map((demarche) => (
          <li key={demarche.slug}>
            <h2>
              <Link href={paths.demarche(demarche.slug)}>{demarche.title}</Link>
            </h2>
            {demarche.description ? <p>{demarche.description}</p> : null}
          </li>
        ))}
      </ul>
    </CitizenPage>
  );
}
