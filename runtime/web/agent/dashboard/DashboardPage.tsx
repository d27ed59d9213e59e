import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTRPC } from '../../api/trpcContext.ts';
import { AppShell } from '../../shell/AppShell.tsx';
import { AccountBar, type Me } from '../AccountBar.tsx';
import { DASHBOARD_PATH } from '../navigation/agentRoute.ts';
import { useAgentRoute } from '../navigation/useAgentRoute.ts';
import { DashboardForm } from './DashboardForm.tsx';
import { DashboardTables } from './DashboardTables.tsx';
import { dashboardFiltersOf, dashboardSearchOf, figuresInputOf } from './dashboardFilters.ts';
import { StatesChart } from './StatesChart.tsx';

/** The figures refresh on their own this often, without reloading the page. */
const REFRESH_MS = 60_000;

/**
 * « Tableau de bord »: for a démarche (or all), a level of the unit tree the agent covers
 * and a period, the dossiers per state now, the late ones, and what the period brought
 * (submissions, states entered, transfers in and out, decision times), in two tables.
 * The choices live in the address, so a dashboard can be bookmarked.
 */
export function DashboardPage({ search, me }: { search: string; me: Me }) {
  const trpc = useTRPC();
  const { navigate } = useAgentRoute();
  const filters = useMemo(() => dashboardFiltersOf(search), [search]);
  const choices = useQuery(trpc.dashboard.choices.queryOptions({}));
  const figures = useQuery({
    ...trpc.dashboard.figures.queryOptions(figuresInputOf(filters)),
    refetchInterval: REFRESH_MS,
  });
  useEffect(() => {
    document.title = 'Tableau de bord — Guichet, espace agents';
    document.getElementById('contenu')?.focus();
  }, []);
  const levelName =
    figures.data?.level?.name ??
    (choices.data?.wholeTenant ? 'toute l’organisation' : 'tous mes services');
  let status = 'Chargement des chiffres…';
  if (figures.isError) status = `Les chiffres n’ont pas pu être chargés : ${figures.error.message}`;
  else if (figures.data) status = '';
  return (
    <AppShell brand="Guichet" tagline="Espace agents" title="Tableau de bord">
      <AccountBar me={me} />
      {choices.data && (
        <DashboardForm
          key={search}
          filters={filters}
          choices={choices.data}
          apply={(next) => navigate(`${DASHBOARD_PATH}${dashboardSearchOf(next)}`)}
        />
      )}
      <p role="status" className="etat-file">
        {status}
      </p>
      {figures.data && (
        <>
          <StatesChart figures={figures.data} caption={`Dossiers par état — ${levelName}`} />
          <DashboardTables figures={figures.data} levelName={levelName} />
        </>
      )}
    </AppShell>
  );
}
