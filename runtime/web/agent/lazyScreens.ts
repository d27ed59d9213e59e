import { type ComponentProps, createElement, lazy } from 'react';

/**
 * The screens other than the queue, each in its own chunk: the queue is where an agent
 * lands, and its first rows should not wait for the script of the dossier screen, the
 * counter's form pieces or the dashboard's charts. The dossier screen, the one a click
 * on a row opens, is fetched once the queue shows (`preloadDossierScreen`).
 */
let dossierScreen: typeof import('./dossier/DossierPage.tsx') | null = null;
const loadDossierScreen = () =>
  import('./dossier/DossierPage.tsx').then((module) => {
    dossierScreen = module;
    return module;
  });
const LazyDossierPage = lazy(() =>
  loadDossierScreen().then((module) => ({ default: module.DossierPage })),
);

/**
 * The dossier screen, drawn at once when its chunk is already in (preloaded): a lazy
 * component suspends on its first render even then, and React holds a revealed
 * fallback back for a few hundred milliseconds, which an agent opening a dossier feels.
 */
export function DossierPage(props: ComponentProps<typeof LazyDossierPage>) {
  return dossierScreen
    ? createElement(dossierScreen.DossierPage, props)
    : createElement(LazyDossierPage, props);
}
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
