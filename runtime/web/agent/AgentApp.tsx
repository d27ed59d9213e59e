import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTRPC } from '../api/trpcContext.ts';
import { AppShell } from '../shell/AppShell.tsx';
import { CounterPage, DashboardPage, DossierPage, InvitationPage } from './lazyScreens.ts';
import { LoginPage } from './login/LoginPage.tsx';
import { filtersFromSearch, listInputOf } from './navigation/queueFilters.ts';
import { useAgentRoute } from './navigation/useAgentRoute.ts';
import { QueuePage } from './queue/QueuePage.tsx';
import { useQueueListOptions } from './queue/useQueueListOptions.ts';

/**
 * The agents' back office: the login form until a staff session exists, then the queue
 * (`/agent/`, filters in the query string), a dossier (`/agent/dossiers/<id>`), the form
 * of one the agent opened (`/agent/guichet/<id>`, « Nouveau dossier ») or the
 * dashboard (`/agent/tableau-de-bord`); the
 * invitation page (`/agent/invitation#jeton=…`) needs no session.
 */
export function AgentApp() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const { route } = useAgentRoute();
  const queryClient = useQueryClient();
  const queueList = useQueueListOptions();
  // Landing on the queue: its first page is asked for alongside `auth.me`, not after it.
  // Signed out, it is refused and the login form shows; the screen asks again once
  // signed in.
  // Asked during the first render (a state initialiser runs once), not in an effect,
  // which would wait for the first paint.
  useState(() => {
    if (route.page !== 'queue') return;
    const input = listInputOf(filtersFromSearch(route.search));
    void queryClient.prefetchInfiniteQuery(queueList(input));
  });
  // Whoever opens an invitation link is not signed in yet: no session needed.
  if (route.page === 'invitation') return screen(<InvitationPage />);
  if (me.isPending) return loading();
  if (me.data?.kind !== 'staff') return <LoginPage refused={me.data?.kind === 'citizen'} />;
  if (route.page === 'counter') return screen(<CounterPage id={route.id} me={me.data} />);
  if (route.page === 'dossier') return screen(<DossierPage id={route.id} me={me.data} />);
  if (route.page === 'dashboard') {
    return screen(<DashboardPage search={route.search} me={me.data} />);
  }
  return <QueuePage search={route.search} me={me.data} />;
}

/** A screen whose script is a chunk of its own: the loading frame until it is there. */
function screen(page: React.ReactNode) {
  return <Suspense fallback={loading()}>{page}</Suspense>;
}

function loading() {
  return (
    <AppShell brand="Guichet" tagline="Espace agents" title="Espace agents">
      <p role="status">Chargement…</p>
    </AppShell>
  );
}
