import type { inferRouterOutputs } from '@trpc/server';
import type { MouseEvent } from 'react';
import type { AppRouter } from '../../../server/router.ts';
import { type QueueFilters, searchFromFilters } from '../navigation/queueFilters.ts';

type StateCount = inferRouterOutputs<AppRouter>['queues']['counts'][number];
type Demarche = inferRouterOutputs<AppRouter>['demarches']['list'][number];

const ONLY_LABELS = { mine: 'À moi', unassigned: 'Non assignés', overdue: 'En retard' } as const;

interface QueueTabsProps {
  filters: QueueFilters;
  demarches: Demarche[];
  /** Visible dossiers per démarche id; undefined while loading. */
  demarcheTotals: Record<string, number | undefined>;
  counts: StateCount[] | undefined;
  go: (to: string) => void;
}

/**
 * The queue's tabs as links (each view has its address; Tab and Enter reach them):
 * démarches, then states with their exact counts — each démarche's own states, grouped
 * under its title when all démarches are shown (a state tab then picks the démarche too), then « à moi », « non assignés »,
 * « en retard » counted within the chosen state (or all states). The current one
 * carries `aria-current`.
 */
export function QueueTabs({ filters, demarches, demarcheTotals, counts, go }: QueueTabsProps) {
  const link = (next: QueueFilters) => `/agent/${searchFromFilters(next)}`;
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    go(event.currentTarget.getAttribute('href') ?? '/agent/');
  };
  // A state id is its démarche's own: a tab is the (démarche, state) pair.
  const isCurrent = (tab: StateCount) =>
    filters.state === tab.state && (!filters.demarcheId || filters.demarcheId === tab.demarcheId);
  const inState = (counts ?? []).filter((tab) => !filters.state || isCurrent(tab));
  const sum = (pick: (tab: StateCount) => number) =>
    counts === undefined
      ? '…'
      : inState.reduce((total, tab) => total + pick(tab), 0).toLocaleString('fr-FR');
  const total = (tabs: StateCount[] | undefined) =>
    tabs === undefined ? '…' : tabs.reduce((n, tab) => n + tab.count, 0).toLocaleString('fr-FR');
  const { demarcheId: _d, state: _s, only: _o, ...kept } = filters;
  return (
    <div className="onglets">
      <nav aria-label="Démarches">
        <ul>
          <li>
            <a
              href={link(kept)}
              onClick={follow}
              aria-current={filters.demarcheId ? undefined : 'page'}
            >
              Toutes les démarches
            </a>
          </li>
          {demarches.map((demarche) => (
            <li key={demarche.id}>
              <a
                href={link({ ...kept, demarcheId: demarche.id })}
                onClick={follow}
                aria-current={filters.demarcheId === demarche.id ? 'page' : undefined}
              >
                {demarche.title}{' '}
                <span className="compteur">
                  {demarcheTotals[demarche.id]?.toLocaleString('fr-FR') ?? '…'}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="États">
        <ul>
          <li>
            <a
              href={link({ ...filters, state: undefined })}
              onClick={follow}
              aria-current={filters.state ? undefined : 'page'}
            >
              Tous les états <span className="compteur">{total(counts)}</span>
            </a>
          </li>
        </ul>
        {groupsOf(counts ?? []).map((group) => (
          <div key={group.demarcheId} className="groupe-etats">
            {filters.demarcheId ? null : (
              <p id={`etats-${group.demarcheId}`} className="titre-groupe">
                {group.demarcheTitle}
              </p>
            )}
            <ul {...(filters.demarcheId ? {} : { 'aria-labelledby': `etats-${group.demarcheId}` })}>
              {group.tabs.map((tab) => (
                <li key={tab.state}>
                  <a
                    href={link({ ...filters, demarcheId: tab.demarcheId, state: tab.state })}
                    onClick={follow}
                    aria-current={isCurrent(tab) ? 'page' : undefined}
                  >
                    {filters.demarcheId ? null : (
                      // Two démarches may both have a « Demande déposée »: a screen reader
                      // hears which one, as the eye sees it from the group's title.
                      <span className="hors-ecran">{tab.demarcheTitle} : </span>
                    )}
                    {tab.label}{' '}
                    <span className="compteur">{tab.count.toLocaleString('fr-FR')}</span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <nav aria-label="Vues rapides">
        <ul>
          <li>
            <a
              href={link({ ...filters, only: undefined })}
              onClick={follow}
              aria-current={filters.only ? undefined : 'page'}
            >
              Tous
            </a>
          </li>
          {(['mine', 'unassigned', 'overdue'] as const).map((only) => (
            <li key={only}>
              <a
                href={link({ ...filters, only })}
                onClick={follow}
                aria-current={filters.only === only ? 'page' : undefined}
              >
                {ONLY_LABELS[only]} <span className="compteur">{sum((tab) => tab[only])}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

/** Tabs grouped by démarche, in the order the server lists them. */
function groupsOf(tabs: readonly StateCount[]) {
  const groups = new Map<
    string,
    { demarcheId: string; demarcheTitle: string; tabs: StateCount[] }
  >();
  for (const tab of tabs) {
    const group = groups.get(tab.demarcheId) ?? {
      demarcheId: tab.demarcheId,
      demarcheTitle: tab.demarcheTitle,
      tabs: [],
    };
    group.tabs.push(tab);
    groups.set(tab.demarcheId, group);
  }
  return [...groups.values()];
}
