/**
 * The action the review step fires: the one that sends the whole form, else the first
 * that neither needs an input nor closes the dossier (never « Retirer ma demande »). Its
 * `blockedBy` is not read: it was worked out on the answers as they were when the page
 * loaded (an empty draft fails a `validateForm` submission); the server checks the
 * answers saved now and answers with the fields at fault.
 */
export function submitAction<T extends { submitsForm?: true; closes?: true; input?: unknown }>(
  actions: readonly T[],
): T | undefined {
  return (
    actions.find((candidate) => candidate.submitsForm) ??
    actions.find((candidate) => !candidate.closes && candidate.input === undefined)
  );
}
