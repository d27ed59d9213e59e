/**
 * The dossiers of the last queue shown, in its order, the one last opened, and the
 * address of that queue: the dossier screen moves to the next or previous one (j/k),
 * Escape returns to the same filters with the same row selected. Module state, because
 * it outlives the queue screen it comes from.
 */
let order: readonly string[] = [];
let queueAddress = '/agent/';
let selectedId: string | null = null;

export function rememberQueue(ids: readonly string[], address: string, opened?: string): void {
  order = ids;
  queueAddress = address;
  if (opened !== undefined) selectedId = opened;
}

/** The id `step` places after `id` in the last queue (-1: before), or null at an end. */
export function neighbourOf(id: string, step: 1 | -1): string | null {
  const index = order.indexOf(id);
  if (index === -1) return null;
  return order[index + step] ?? null;
}

/** Where Escape goes back to. */
export function lastQueueAddress(): string {
  return queueAddress;
}

/** The dossier last opened (or moved to) from the queue. */
export function lastSelected(): string | null {
  return selectedId;
}

export function selectInQueue(id: string): void {
  selectedId = id;
}
