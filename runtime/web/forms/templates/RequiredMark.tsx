/** « obligatoire » in words after a label: a star alone is not read the same by everyone. */
export function RequiredMark() {
  return <span className="obligatoire"> (obligatoire)</span>;
}
