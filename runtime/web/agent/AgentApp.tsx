import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpcContext.ts';
import { AppShell } from '../shell/AppShell.tsx';
import { DashboardPage } from './dashboard/DashboardPage.tsx';
import { DossierPage } from './dossier/DossierPage.tsx';
import { InvitationPage } from './invitation/InvitationPage.tsx';
import { LoginPage } from './login/LoginPage.tsx';
import { useAgentRoute } from './navigation/useAgentRoute.ts';
import { QueuePage } from './queue/QueuePage.tsx';

/**
 * The agents' back office: the login form until a staff session exists, then the queue
 * (`/agent/`, filters in the query string), a dossier (`/agent/dossiers/<id>`) or the
 * dashboard (`/agent/tableau-de-bord`); the
 * invitation page (`/agent/invitation#jeton=…`) needs no session.
 */
export function AgentApp() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const { route } = useAgentRoute();
  // Whoever opens an invitation link is not signed in yet: no session needed.
  if (route.page === 'invitation') return <InvitationPage />;
  if (me.isPending) {
    return (
      <AppShell brand="Guichet" tagline="Espace agents" title="Espace agents">
        <p role="status">Chargement…</p>
      </AppShell>
    );
  }
  if (me.data?.kind !== 'staff') return <LoginPage refused={me.data?.kind === 'citizen'} />;
  if (route.page === 'dossier') return <DossierPage id={route.id} me={me.data} />;
  if (route.page === 'dashboard') return <DashboardPage search={route.search} me={me.data} />;
  return <QueuePage search={route.search} me={me.data} />;
}
