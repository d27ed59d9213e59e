/**
 * The French messages of an INVALID_DEFINITION refusal (`details.problems` and
 * `details.diagnostics` of the server's error), errors only, for the publish outcome.
 *
 * @example
 * refusalDiagnostics(error); // ['L’adresse du webhook désigne un réseau interne.', …]
 */
export function refusalDiagnostics(error: unknown): string[] {
  const details = (error as { data?: { details?: unknown } } | null)?.data?.details;
  if (typeof details !== 'object' || details === null) return [];
  const { problems, diagnostics } = details as { problems?: unknown; diagnostics?: unknown };
  const messages: string[] = [];
  for (const list of [problems, diagnostics]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (typeof entry?.message !== 'string') continue;
      if (entry.severity !== undefined && entry.severity !== 'error') continue;
      if (!messages.includes(entry.message)) messages.push(entry.message);
    }
  }
  return messages;
}
