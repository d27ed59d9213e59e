import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { type QueueItem, QueueRow } from './QueueRow.tsx';

export type { QueueItem };

const ROW_HEIGHT = 72;
/** Rows still below the last one shown when the next page is asked for: most of a page
 * (the screen asks for 100), so a steady scroll finds it there. */
const ROWS_AHEAD = 60;

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
    overscan: 5,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && lastShown >= items.length - ROWS_AHEAD) loadMore();
  }, [hasMore, lastShown, items.length, loadMore]);
  const scrollTo = useRef(virtualizer.scrollToIndex);
  scrollTo.current = virtualizer.scrollToIndex;
  // Brings the active row into view when it changes (keys, coming back from a dossier),
  // once it is loaded. Only then: a page arriving while the agent scrolls must not pull
  // the list back to the active row, which once sent a fast scroll back to the top at
  // every page and never let it get past a few hundred rows.
  const shown = useRef(-1);
  useEffect(() => {
    if (selected === shown.current || selected < 0 || selected >= items.length) return;
    shown.current = selected;
    scrollTo.current(selected, { align: 'auto' });
  }, [selected, items.length]);
  // The row's click, stable across renders so the memoised rows stay as they are.
  const handlers = useRef({ select, toggle, open });
  handlers.current = { select, toggle, open };
  const onRowClick = useCallback((index: number, item: QueueItem, event: React.MouseEvent) => {
    const { select, toggle, open } = handlers.current;
    select(index);
    if ((event.target as Element).closest('.case-cocher')) {
      toggle(index, event.shiftKey);
      return;
    }
    open(item);
  }, []);
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
          return (
            <QueueRow
              key={item.id}
              item={item}
              index={row.index}
              top={row.start}
              height={ROW_HEIGHT}
              active={row.index === selected}
              checked={checked.has(item.id)}
              userId={userId}
              setSize={hasMore ? -1 : items.length}
              onRowClick={onRowClick}
            />
          );
        })}
      </div>
    </div>
  );
}
