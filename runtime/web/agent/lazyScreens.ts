import { lazy } from 'react';

/**
 * The screens other than the queue, each in its own chunk: the queue is where an agent
 * lands, and its first rows should not wait for the script of the dossier screen, the
 * counter's form pieces or the dashboard's charts. The dossier screen, the one a click
 * on a row opens, is fetched once the queue shows (`preloadDossierScreen`).
 */
const loadDossierScreen = () => import('./dossier/DossierPage.tsx');

export const DossierPage = lazy(() =>
  loadDossierScreen().then((module) => ({ default: module.DossierPage })),
);
export const CounterPage = lazy(() =>
  import('./counter/CounterPage.tsx').then((module) => ({ default: module.CounterPage })),
);
export const DashboardPage = lazy(() =>
  import('./dashboard/DashboardPage.tsx').then((module) => ({ default: module.DashboardPage })),
);
export const InvitationPage = lazy(() =>
  import('./invitation/InvitationPage.tsx').then((module) => ({ default: module.InvitationPage })),
);

/** Fetches the dossier screen's chunk ahead of the first click on a row. */
export function preloadDossierScreen(): void {
  void loadDossierScreen();
}
