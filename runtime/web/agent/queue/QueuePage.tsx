import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTRPC } from '../../api/trpcContext.ts';
import { AppShell } from '../../shell/AppShell.tsx';
import { AccountBar, type Me } from '../AccountBar.tsx';
import { BulkPanel } from '../bulk/BulkPanel.tsx';
import { toggleSelection } from '../bulk/selectionRange.ts';
import { useShortcuts } from '../keyboard/useShortcuts.ts';
import { preloadDossierScreen } from '../lazyScreens.ts';
import { dossierPath } from '../navigation/agentRoute.ts';
import { filtersFromSearch, listInputOf, searchFromFilters } from '../navigation/queueFilters.ts';
import { lastSelected, rememberQueue } from '../navigation/queueOrder.ts';
import { useAgentRoute } from '../navigation/useAgentRoute.ts';
import { QueueControls } from './QueueControls.tsx';
import { type QueueItem, QueueList } from './QueueList.tsx';
import { useQueueListOptions } from './useQueueListOptions.ts';

const NO_DEMARCHES: never[] = [];

/**
 * The queue screen: tabs with exact counts, filters kept in the address, and the
 * dossiers in a virtualised list paged by keyset as it scrolls; the agent's saved views,
 * the CSV export of the filtered queue and the bulk action bar. Keyboard first: j/k or
 * the arrows move, Enter opens, Space ticks a row for a bulk action (Shift with a move
 * ticks a range), `/` goes to the search.
 */
export function QueuePage({ search, me }: { search: string; me: Me }) {
  const trpc = useTRPC();
  const { navigate } = useAgentRoute();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const demarches = useQuery(trpc.demarches.list.queryOptions());
  // One count per démarche tab (batched into one request by the client's link).
  const perDemarche = useQueries({
    queries: (demarches.data ?? []).map((demarche) =>
      trpc.queues.counts.queryOptions({
        demarcheId: demarche.id,
        ...(filters.unit ? { unit: filters.unit } : {}),
      }),
    ),
  });
  const totals = Object.fromEntries(
    (demarches.data ?? []).map((demarche, index) => [
      demarche.id,
      perDemarche[index]?.data?.reduce((sum, tab) => sum + tab.count, 0),
    ]),
  );
  // The same totals keep the same object, so the memoised controls stay as they are.
  const totalsKey = JSON.stringify(totals);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content
  const demarcheTotals = useMemo(() => totals, [totalsKey]);
  const counts = useQuery(
    trpc.queues.counts.queryOptions({
      ...(filters.demarcheId ? { demarcheId: filters.demarcheId } : {}),
      ...(filters.unit ? { unit: filters.unit } : {}),
    }),
  );
  const input = useMemo(() => listInputOf(filters), [filters]);
  const list = useInfiniteQuery(useQueueListOptions()(input));
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const [selected, setSelected] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const address = `/agent/${searchFromFilters(filters)}`;
  // Dossiers ticked for a bulk action, kept while the same queue stays on screen.
  const [checked, setChecked] = useState<{ ids: Set<string>; anchor: number | null }>({
    ids: new Set(),
    anchor: null,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new address is a new queue
  useEffect(() => setChecked({ ids: new Set(), anchor: null }), [address]);
  const toggle = (index: number, range: boolean) =>
    setChecked((current) => {
      const next = toggleSelection(
        items.map((item) => item.id),
        current.ids,
        current.anchor,
        index,
        range,
      );
      return { ids: next.selected, anchor: next.anchor };
    });
  const checkedItems = items.filter((item) => checked.ids.has(item.id));

  useEffect(() => {
    rememberQueue(
      items.map((item) => item.id),
      address,
    );
  }, [items, address]);
  // Back from a dossier: the same row is selected and the list has the focus.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || items.length === 0) return;
    restored.current = true;
    // The rows are on screen: time to fetch what a click on one of them opens.
    preloadDossierScreen();
    const index = items.findIndex((item) => item.id === lastSelected());
    if (index >= 0) {
      setSelected(index);
      listRef.current?.focus();
    } else document.getElementById('contenu')?.focus();
  }, [items]);
  // Arriving (after login, from a link): focus the page's main content, as on every
  // navigation, so a screen reader starts at the h1. Coming back from a dossier, the
  // effect above focuses its row once the list is there.
  useEffect(() => {
    document.title = 'Dossiers à traiter — Guichet, espace agents';
    if (lastSelected() === null) document.getElementById('contenu')?.focus();
  }, []);

  // The form is rebuilt for the new address: hand the focus to the results.
  const focusResults = useCallback(() => requestAnimationFrame(() => listRef.current?.focus()), []);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = list;
  const loadMore = useCallback(() => {
    if (!isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, isFetchingNextPage]);
  const open = (item: QueueItem) => {
    rememberQueue(
      items.map((entry) => entry.id),
      address,
      item.id,
    );
    navigate(dossierPath(item.id));
  };
  const move = (step: number, event?: KeyboardEvent) => {
    if (items.length === 0) return;
    const next = Math.min(items.length - 1, Math.max(0, selected + step));
    setSelected(next);
    // Shift + a move ticks the range from the last row ticked to the new one.
    if (event?.shiftKey) {
      if (checked.anchor === null) toggle(selected, false);
      toggle(next, true);
    }
    listRef.current?.focus();
  };
  const listFocused = () => document.activeElement === listRef.current;
  const typingTarget = () => {
    const active = document.activeElement;
    return active instanceof HTMLAnchorElement || active instanceof HTMLButtonElement;
  };
  useShortcuts({
    j: () => move(1),
    J: (event) => move(1, event),
    ArrowDown: (event) => move(1, event),
    k: () => move(-1),
    K: (event) => move(-1, event),
    ArrowUp: (event) => move(-1, event),
    ' ': () => {
      // Space presses a focused button; on the list it ticks the active row.
      if (!listFocused() || !items[selected]) return false;
      toggle(selected, false);
      return true;
    },
    Enter: () => {
      const item = items[selected];
      if (typingTarget() || !item) return false;
      open(item);
      return true;
    },
    '/': () => {
      document.getElementById('recherche')?.focus();
      return true;
    },
  });

  let status = 'Chargement des dossiers…';
  if (list.isError) status = 'La file n’a pas pu être chargée. Veuillez réessayer.';
  else if (list.data)
    status =
      items.length === 0
        ? 'Aucun dossier ne correspond à ces critères.'
        : `${items.length.toLocaleString('fr-FR')} dossier(s) chargé(s)${hasNextPage ? ', la suite se charge en défilant' : ''}.`;
  return (
    <AppShell brand="Guichet" tagline="Espace agents" title="Dossiers à traiter">
      <AccountBar me={me} />
      <QueueControls
        search={search}
        filters={filters}
        input={input}
        me={me}
        demarches={demarches.data ?? NO_DEMARCHES}
        demarcheTotals={demarcheTotals}
        counts={counts.data}
        go={navigate}
        applied={focusResults}
      />
      <p role="status" className="etat-file">
        {status}
      </p>
      <BulkPanel
        selected={checkedItems}
        clear={() => setChecked({ ids: new Set(), anchor: null })}
      />
      <QueueList
        items={items}
        selected={selected}
        userId={me.id}
        hasMore={hasNextPage}
        loadMore={loadMore}
        select={setSelected}
        open={open}
        checked={checked.ids}
        toggle={toggle}
        listRef={listRef}
      />
    </AppShell>
  );
}
