/**
 * The next bulk selection after a click or a key on row `index` of `ids` (the loaded
 * queue, in order): a plain toggle flips that row; with `range` (Shift) every row from
 * the anchor — the last row toggled — to `index` takes the anchor's state, as in a
 * file manager. Returns the new selection and anchor.
 *
 * @example
 * toggleSelection(['a', 'b', 'c'], new Set(['a']), 0, 2, true); // { selected: {a, b, c}, anchor: 0 }
 */
export function toggleSelection(
  ids: readonly string[],
  selected: ReadonlySet<string>,
  anchor: number | null,
  index: number,
  range: boolean,
): { selected: Set<string>; anchor: number } {
  const next = new Set(selected);
  const id = ids[index];
  if (id === undefined) return { selected: next, anchor: anchor ?? index };
  if (!range || anchor === null || ids[anchor] === undefined) {
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return { selected: next, anchor: index };
  }
  const on = selected.has(ids[anchor]!);
  const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
  for (const rowId of ids.slice(from, to + 1)) {
    if (on) next.add(rowId);
    else next.delete(rowId);
  }
  return { selected: next, anchor };
}
