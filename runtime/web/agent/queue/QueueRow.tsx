import type { inferRouterOutputs } from '@trpc/server';
import { memo } from 'react';
import type { AppRouter } from '../../../server/router.ts';

export type QueueItem = inferRouterOutputs<AppRouter>['queues']['list']['items'][number];

const PRIORITY_LABELS = {
  low: 'Basse',
  normal: 'Normale',
  high: 'Haute',
  urgent: 'Urgente',
} as const;
// One formatter for every row: `toLocaleDateString('fr-FR')` builds a new one per call,
// which a fast scroll through thousands of rows pays on every frame.
const DAY = new Intl.DateTimeFormat('fr-FR');

export interface QueueRowProps {
  item: QueueItem;
  index: number;
  /** Offset from the top of the list, in pixels (the virtualiser's). */
  top: number;
  height: number;
  active: boolean;
  checked: boolean;
  /** Whose row it is, from the signed-in agent's point of view. */
  userId: string;
  /** `aria-setsize`: -1 while more pages may follow. */
  setSize: number;
  /** Stable across renders, so a row re-renders only when its own props change. */
  onRowClick: (index: number, item: QueueItem, event: React.MouseEvent) => void;
}

/**
 * One option of the queue listbox. Memoised: a new page of results or a tick elsewhere
 * re-renders the list, not every row on screen.
 */
export const QueueRow = memo(function QueueRow({
  item,
  index,
  top,
  height,
  active,
  checked,
  userId,
  setSize,
  onRowClick,
}: QueueRowProps) {
  const assigned =
    item.assigneeId === null ? 'Non assigné' : item.assigneeId === userId ? 'À moi' : 'Assigné';
  return (
    // The listbox owns the keyboard (aria-activedescendant, j/k, Enter): options are
    // not tab stops in this pattern, and a click is the mouse's way to the same action.
    // biome-ignore lint/a11y/useKeyWithClickEvents: keys handled by the listbox, see above
    // biome-ignore lint/a11y/useFocusableInteractive: options of an activedescendant listbox
    <div
      id={`dossier-${item.id}`}
      role="option"
      aria-selected={checked}
      data-active={active ? 'true' : undefined}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className="ligne"
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={(event) => onRowClick(index, item, event)}
    >
      <span className="case-cocher" aria-hidden="true">
        {checked ? '☑' : '☐'}
      </span>
      <span className="reference">{item.reference}</span>
      <span className="demandeur">{item.applicantName}</span>
      <span className="etat">{item.stateLabel}</span>
      <span className="demarche">{item.demarcheTitle}</span>
      <span className="details">
        {assigned} · Priorité {PRIORITY_LABELS[item.priority]}
        {item.dueAt ? ` · Échéance ${DAY.format(new Date(item.dueAt))}` : ''}
        {item.overdue ? ' · En retard' : ''}
      </span>
    </div>
  );
});
