import { and, eq, or } from 'drizzle-orm';
import { type StateTimer, stateTimers } from '../../../shared/engine/index.ts';
import { type AppDatabase, demarcheVersions, type StoredDefinition } from '../../db/index.ts';
import { readStoredDefinition } from '../demarches/readStoredDefinition.ts';
import { loadPublishedVersion } from '../dossiers/publishedDefinition.ts';

/** A published version whose workflow has timers the runtime fires. */
export interface TimedVersion {
  tenantId: string;
  demarcheId: string;
  version: number;
  /** Timers leaving active states; drafts are the applicant's until `submit`. */
  timers: StateTimer[];
}

type VersionKey = Pick<TimedVersion, 'tenantId' | 'demarcheId' | 'version'>;

// Published versions are immutable: what a version's timers are is read once per process.
// One small entry per version of every tenant (null: no timers), never evicted, so a
// tick never reads a definition twice.
const known = new Map<string, TimedVersion | null>();
const BATCH = 100;

/**
 * Every published version, of every tenant, that has timers: the system's own work list,
 * hence not tenant-scoped. Each tick reads only the version keys (the primary key's
 * index); a definition is read once, the first time its version is seen, through
 * `readStoredDefinition` like every published version. A version that does not load is
 * reported to `onUnreadable` and left out.
 *
 * @example
 * for (const version of await listTimedVersions(db, log)) {
 *   for (const timer of version.timers) console.log(version.version, timer.state, timer.after);
 * }
 */
export async function listTimedVersions(
  db: AppDatabase,
  onUnreadable: (key: string, error: unknown) => void,
): Promise<TimedVersion[]> {
  const keys = await db
    .select({
      tenantId: demarcheVersions.tenantId,
      demarcheId: demarcheVersions.demarcheId,
      version: demarcheVersions.version,
    })
    .from(demarcheVersions);
  const unseen = keys.filter((key) => !known.has(keyOf(key)));
  for (let start = 0; start < unseen.length; start += BATCH) {
    await learn(db, unseen.slice(start, start + BATCH), onUnreadable);
  }
  return keys.flatMap((key) => {
    const timed = known.get(keyOf(key));
    return timed ? [timed] : [];
  });
}

async function learn(
  db: AppDatabase,
  keys: VersionKey[],
  onUnreadable: (key: string, error: unknown) => void,
): Promise<void> {
  const rows = await db
    .select({
      tenantId: demarcheVersions.tenantId,
      demarcheId: demarcheVersions.demarcheId,
      version: demarcheVersions.version,
      definition: demarcheVersions.definition,
    })
    .from(demarcheVersions)
    .where(or(...keys.map(sameVersion)));
  for (const { definition, ...key } of rows) {
    known.set(keyOf(key), await timedVersion(db, key, definition, onUnreadable));
  }
}

/**
 * The version's timers, or null. A definition that does not load or compile is reported
 * and remembered as null (published versions never change); a database error propagates
 * and the version is tried again next tick.
 */
async function timedVersion(
  db: AppDatabase,
  key: VersionKey,
  stored: StoredDefinition,
  onUnreadable: (key: string, error: unknown) => void,
): Promise<TimedVersion | null> {
  const label = keyOf(key);
  const read = attempt(() => readStoredDefinition(stored, label), label, onUnreadable);
  // Most versions have no timer: they are not compiled just to find that out.
  if (read === null || !read.workflow.transitions.some((t) => t.after !== undefined)) return null;
  // Through the published-version cache, so the engine compiles the definition once for
  // listing its timers and for firing them.
  const published = await loadPublishedVersion(db, key.tenantId, key.demarcheId, key.version);
  if (published === null) return null;
  const timers = attempt(() => stateTimers(published.definition), label, onUnreadable) ?? [];
  const active = timers.filter((timer) => timer.stateKind !== 'draft');
  return active.length === 0 ? null : { ...key, timers: active };
}

function attempt<T>(
  work: () => T,
  label: string,
  onUnreadable: (key: string, error: unknown) => void,
): T | null {
  try {
    return work();
  } catch (error) {
    onUnreadable(label, error);
    return null;
  }
}

function sameVersion(key: VersionKey) {
  return and(
    eq(demarcheVersions.tenantId, key.tenantId),
    eq(demarcheVersions.demarcheId, key.demarcheId),
    eq(demarcheVersions.version, key.version),
  );
}

function keyOf(key: VersionKey): string {
  return `${key.tenantId}:${key.demarcheId}:${key.version}`;
}
