import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../runtime/web/api/trpcContext.ts';
import { CollectivitePage } from '../collectivite/CollectivitePage.tsx';
import { DemarchesPage } from '../demarches/DemarchesPage.tsx';
import { DemarcheEditorPage } from '../editor/DemarcheEditorPage.tsx';
import { LoginForm } from '../session/LoginForm.tsx';
import { StudioPage } from './StudioPage.tsx';

/**
 * The admins' studio: log in, list and create démarches, open one in the editor, or
 * set up the collectivité (services, staff, appearance).
 * Admins only: the server refuses every write to anyone else anyway.
 */
export function StudioApp() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [openId, setOpenId] = useState<string | null>(null);
  const [collectivite, setCollectivite] = useState(false);
  if (me.isPending) {
    return (
      <StudioPage title="Studio des démarches">
        <p role="status">Chargement…</p>
      </StudioPage>
    );
  }
  const user = me.data;
  if (user?.kind !== 'staff' || !user.roles.includes('admin')) {
    return (
      <StudioPage title="Connexion au studio">
        {user ? (
          <p className="message-erreur" role="alert">
            Ce compte n’a pas le rôle d’administrateur : le studio lui est fermé.
          </p>
        ) : null}
        <LoginForm />
      </StudioPage>
    );
  }
  if (openId !== null) {
    return <DemarcheEditorPage id={openId} onClose={() => setOpenId(null)} />;
  }
  if (collectivite) {
    return (
      <CollectivitePage tenantSlug={user.tenant.slug} onClose={() => setCollectivite(false)} />
    );
  }
  return (
    <DemarchesPage user={user} onOpen={setOpenId} onCollectivite={() => setCollectivite(true)} />
  );
}
