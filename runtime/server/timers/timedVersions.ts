import { type StateTimer, stateTimers } from '../../../shared/engine/index.ts';
import { type AppDatabase, demarcheVersions } from '../../db/index.ts';
import { UnreadableDefinitionError } from '../demarches/index.ts';
import { loadPublishedVersion, type PublishedVersion } from '../dossiers/index.ts';

/** A published version whose workflow has timers the runtime fires. */
export interface TimedVersion {
  tenantId: string;
  demarcheId: string;
  version: number;
  /** Timers leaving active states; drafts are the applicant's until `submit`. */
  timers: StateTimer[];
}

type VersionKey = Pick<TimedVersion, 'tenantId' | 'demarcheId' | 'version'>;

// Published versions are immutable: what a version's timers are is learnt once per process.
// One small entry per version of every tenant (null: no timers), never evicted, so a
// tick never reads a definition twice.
const known = new Map<string, TimedVersion | null>();

/**
 * Every published version, of every tenant, that has timers: the system's own work list,
 * hence not tenant-scoped. Each tick reads only the version keys (the primary key's
 * index); a version seen for the first time is read through `loadPublishedVersion`, the
 * cache the firing goes through too, so its definition is read and compiled once. A
 * version that does not load is reported to `onUnreadable` and left out; a database
 * error propagates and the version is tried again next tick.
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
  for (const key of keys) {
    if (!known.has(keyOf(key))) known.set(keyOf(key), await timedVersion(db, key, onUnreadable));
  }
  return keys.flatMap((key) => {
    const timed = known.get(keyOf(key));
    return timed ? [timed] : [];
  });
}

/**
 * The version's timers leaving active states, or null: none, or a definition that does not
 * load or compile — reported, and never retried, as published versions never change.
 */
async function timedVersion(
  db: AppDatabase,
  key: VersionKey,
  onUnreadable: (key: string, error: unknown) => void,
): Promise<TimedVersion | null> {
  let published: PublishedVersion | null;
  try {
    published = await loadPublishedVersion(db, key.tenantId, key.demarcheId, key.version);
  } catch (error) {
    if (!(error instanceof UnreadableDefinitionError)) throw error;
    onUnreadable(keyOf(key), error);
    return null;
  }
  const definition = published?.definition;
  // Most versions have no timer: they are not compiled just to find that out.
  if (!definition?.workflow.transitions.some((t) => t.after !== undefined)) return null;
  try {
    const active = stateTimers(definition).filter((timer) => timer.stateKind !== 'draft');
    return active.length === 0 ? null : { ...key, timers: active };
  } catch (error) {
    onUnreadable(keyOf(key), error);
    return null;
  }
}

function keyOf(key: VersionKey): string {
  return `${key.tenantId}:${key.demarcheId}:${key.version}`;
}
