/**
 * `Promise.all` for statements of one transaction sent together (postgres.js pipelines
 * them on the transaction's connection; PGlite runs them in turn), except that it waits
 * for every one to settle before failing. The transaction is then rolled back only once
 * none of its statements is still in flight, on either driver. The error is the first
 * failure in argument order: after a failed statement the later ones only report that
 * the transaction is aborted.
 *
 * @example
 * const [updated, [event]] = await settleAll([
 *   tx.update(dossiers).set(columns).where(where).returning({ id: dossiers.id }),
 *   tx.insert(dossierEvents).values(row).returning({ seq: dossierEvents.seq }),
 * ]);
 */
export async function settleAll<const T extends readonly unknown[]>(
  values: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(values);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}
