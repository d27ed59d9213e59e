import { useVirtualizer } from '@tanstack/react-virtual';
import type { inferRouterOutputs } from '@trpc/server';
import { useEffect, useRef } from 'react';
import type { AppRouter } from '../../../server/router.ts';

export type QueueItem = inferRouterOutputs<AppRouter>['queues']['list']['items'][number];

const PRIORITY_LABELS = {
  low: 'Basse',
  normal: 'Normale',
  high: 'Haute',
  urgent: 'Urgente',
} as const;
const ROW_HEIGHT = 72;

interface QueueListProps {
  items: QueueItem[];
  selected: number;
  userId: string;
  hasMore: boolean;
  loadMore: () => void;
  select: (index: number) => void;
  open: (item: QueueItem) => void;
  /** Ids ticked for a bulk action. */
  checked: ReadonlySet<string>;
  /** Ticks or unticks row `index`; `range` (Shift) extends from the last one ticked. */
  toggle: (index: number, range: boolean) => void;
  /** The listbox element, so the page can move focus to it. */
  listRef: React.RefObject<HTMLDivElement | null>;
}

/**
 * The queue as one listbox whose rows are virtualised (@tanstack/react-virtual): only
 * the rows in view are in the DOM, so 10,000 loaded rows scroll like 50. The active row
 * is announced through `aria-activedescendant` and always rendered (it is scrolled to
 * when it changes). Reaching the end asks for the next keyset page.
 *
 * It is a multi-select listbox (WAI-ARIA's pattern): `aria-selected` says a row is ticked
 * for a bulk action — shown as a check box, ticked by a click on it (Shift: a range) or
 * by Space on the active row — while the active row is the one Enter opens.
 */
export function QueueList({
  items,
  selected,
  userId,
  hasMore,
  loadMore,
  select,
  open,
  checked,
  toggle,
  listRef,
}: QueueListProps) {
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && lastShown >= items.length - 20) loadMore();
  }, [hasMore, lastShown, items.length, loadMore]);
  const scrollTo = useRef(virtualizer.scrollToIndex);
  scrollTo.current = virtualizer.scrollToIndex;
  useEffect(() => {
    if (selected >= 0 && selected < items.length) scrollTo.current(selected, { align: 'auto' });
  }, [selected, items.length]);
  const active = items[selected];
  return (
    <div
      ref={listRef}
      className="file"
      role="listbox"
      tabIndex={0}
      aria-label="Dossiers de la file"
      aria-multiselectable="true"
      aria-activedescendant={active ? `dossier-${active.id}` : undefined}
    >
      <div className="file-hauteur" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const item = items[row.index]!;
          const assigned =
            item.assigneeId === null
              ? 'Non assigné'
              : item.assigneeId === userId
                ? 'À moi'
                : 'Assigné';
          return (
            // The listbox owns the keyboard (aria-activedescendant, j/k, Enter): options are
            // not tab stops in this pattern, and a click is the mouse's way to the same action.
            // biome-ignore lint/a11y/useKeyWithClickEvents: keys handled by the listbox, see above
            // biome-ignore lint/a11y/useFocusableInteractive: options of an activedescendant listbox
            <div
              key={item.id}
              id={`dossier-${item.id}`}
              role="option"
              aria-selected={checked.has(item.id)}
              data-active={row.index === selected ? 'true' : undefined}
              aria-setsize={hasMore ? -1 : items.length}
              aria-posinset={row.index + 1}
              className="ligne"
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              onClick={(event) => {
                select(row.index);
                if ((event.target as Element).closest('.case-cocher')) {
                  toggle(row.index, event.shiftKey);
                  return;
                }
                open(item);
              }}
            >
              <span className="case-cocher" aria-hidden="true">
                {checked.has(item.id) ? '☑' : '☐'}
              </span>
              <span className="reference">{item.reference}</span>
              <span className="demandeur">{item.applicantName}</span>
              <span className="etat">{item.stateLabel}</span>
              <span className="demarche">{item.demarcheTitle}</span>
              <span className="details">
                {assigned} · Priorité {PRIORITY_LABELS[item.priority]}
                {item.dueAt
                  ? ` · Échéance ${new Date(item.dueAt).toLocaleDateString('fr-FR')}`
                  : ''}
                {item.overdue ? ' · En retard' : ''}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
