import postgres from 'postgres';

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Holds one dossier row locked (`FOR UPDATE`) in a transaction of its own, as a colleague's
 * long transition would: the worker's bulk job stops at that dossier, so a journey sees it
 * half-way. PostgreSQL only (PGlite is inside the server's process). Release well within
 * the server's 30 s statement timeout.
 *
 * @example
 * const lock = await holdDossierLock(server.databaseUrl, dossier.id);
 * await lock.release();
 */
export async function holdDossierLock(databaseUrl: string, dossierId: string): Promise<HeldLock> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked = () => {};
  const taken = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const transaction = sql.begin(async (tx) => {
    await tx`select id from dossiers where id = ${dossierId} for update`;
    locked();
    await released;
  });
  await Promise.race([taken, transaction]);
  return {
    async release() {
      release();
      await transaction;
      await sql.end();
    },
  };
}
