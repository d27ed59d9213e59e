import type { inferRouterOutputs } from '@trpc/server';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppRouter } from '../../runtime/server/router.ts';
import { domainErrorOf } from '../../runtime/web/api/domainErrorOf.ts';
import { useTRPCClient } from '../../runtime/web/api/trpcContext.ts';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';

/** What a save answers: the new revision plus the draft's problems and lint findings. */
export type SavedDraft = inferRouterOutputs<AppRouter>['demarches']['saveDraft'];

/** Pause after the last edit before saving: a burst of typing makes one save. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * After a failed save (server unreachable, busy), the next try waits this long, doubled
 * at each failure up to `RETRY_MAX_MS`: the admin's work reaches the server without them
 * having to edit again, and a struggling server is not hammered.
 */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

export type SaveStatus =
  | { kind: 'saved' }
  /** Edits wait for the pause, or for the save in flight to answer. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** Someone saved in between: autosave stops until the admin chooses (nothing is lost). */
  | { kind: 'conflict'; message: string }
  /** The server could not be reached or refused: tried again on its own, and at the next edit. */
  | { kind: 'failed'; message: string };

export interface Autosave {
  status: SaveStatus;
  /** The revision the next save builds on. */
  revision: number;
  /** The last save's check (problems, diagnostics, publishable); null before the first. */
  lastCheck: SavedDraft | null;
  /**
   * Saves now, without waiting for the pause (before publishing, or after a failure):
   * the stored revision once everything shown is saved, null if it could not be.
   */
  saveNow: () => Promise<number | null>;
  /** After a conflict: take the stored revision as base, so the next save replaces it with ours. */
  overwrite: () => Promise<boolean>;
  /** After a reload from the server: this draft at this revision is what is stored. */
  markSaved: (definition: DemarcheDefinition, revision: number) => void;
}

/**
 * Saves the draft with `demarches.saveDraft` after each pause in the editing, on top of
 * the revision it last saw. Optimistic concurrency does the rest: when a colleague (or
 * another tab) saved meanwhile, the server refuses with STALE_REVISION, nothing is
 * overwritten, and the status says so — the admin's draft stays in the editor, and
 * `overwrite` or a reload resolves it. Saves never overlap: edits made while one is in
 * flight are saved right after it.
 *
 * @example
 * const autosave = useAutosave({ id, definition: editor.definition, revision: detail.draftRevision });
 * if (autosave.status.kind === 'conflict') showConflict(autosave.status.message);
 */
export function useAutosave(options: {
  id: string;
  definition: DemarcheDefinition;
  revision: number;
}): Autosave {
  const client = useTRPCClient();
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [revision, setRevision] = useState(options.revision);
  const [lastCheck, setLastCheck] = useState<SavedDraft | null>(null);
  const latest = useRef(options.definition);
  const saved = useRef(options.definition);
  const base = useRef(options.revision);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false);
  const retry = useRef<{ timer: number | null; delayMs: number }>({
    timer: null,
    delayMs: RETRY_FIRST_MS,
  });
  /** `flush` itself, for the retry it schedules from inside. */
  const flushLater = useRef<() => Promise<boolean>>(async () => false);
  latest.current = options.definition;

  const flush = useCallback(async (): Promise<boolean> => {
    // A loop, not one wait: when a save answers, its own follow-up save may start before
    // this call resumes, and two saves on one revision would conflict with each other.
    while (inFlight.current) await inFlight.current;
    if (blocked.current) return false;
    const draft = latest.current;
    if (draft === saved.current) {
      setStatus({ kind: 'saved' });
      return true;
    }
    setStatus({ kind: 'saving' });
    const attempt = client.demarches.saveDraft
      .mutate({
        id: options.id,
        draft: draft as unknown as Record<string, unknown>,
        revision: base.current,
      })
      .then(
        (result) => {
          retry.current.delayMs = RETRY_FIRST_MS;
          base.current = result.draftRevision;
          saved.current = draft;
          setRevision(result.draftRevision);
          setLastCheck(result);
          setStatus({ kind: latest.current === draft ? 'saved' : 'pending' });
          return true;
        },
        (error: unknown) => {
          const refusal = domainErrorOf(error);
          if (refusal?.code === 'STALE_REVISION') {
            blocked.current = true;
            setStatus({ kind: 'conflict', message: refusal.message });
          } else {
            setStatus({
              kind: 'failed',
              message:
                refusal?.message ??
                'L’enregistrement automatique a échoué (serveur injoignable ?). Vos modifications sont gardées dans cette page ; nouvel essai dans quelques secondes.',
            });
            const { delayMs } = retry.current;
            retry.current.delayMs = Math.min(delayMs * 2, RETRY_MAX_MS);
            retry.current.timer = window.setTimeout(() => {
              retry.current.timer = null;
              void flushLater.current();
            }, delayMs);
          }
          return false;
        },
      );
    if (retry.current.timer !== null) window.clearTimeout(retry.current.timer);
    retry.current.timer = null;
    inFlight.current = attempt;
    const ok = await attempt;
    inFlight.current = null;
    // Edits made while this save was in flight go right after it.
    if (ok && latest.current !== saved.current) return flush();
    return ok;
  }, [client, options.id]);

  flushLater.current = flush;
  useEffect(
    () => () => {
      if (retry.current.timer !== null) window.clearTimeout(retry.current.timer);
    },
    [],
  );

  useEffect(() => {
    if (options.definition === saved.current || blocked.current) return;
    // The same status object while it stays pending: a new one at each keystroke would
    // re-render the whole workspace for nothing.
    setStatus((current) =>
      current.kind === 'saving' || current.kind === 'pending' ? current : { kind: 'pending' },
    );
    const timer = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [options.definition, flush]);

  const overwrite = useCallback(async () => {
    const current = await client.demarches.get.query({ id: options.id });
    base.current = current.draftRevision;
    blocked.current = false;
    return flush();
  }, [client, options.id, flush]);

  const markSaved = useCallback((definition: DemarcheDefinition, at: number) => {
    saved.current = definition;
    latest.current = definition;
    base.current = at;
    blocked.current = false;
    setRevision(at);
    setStatus({ kind: 'saved' });
  }, []);

  const saveNow = useCallback(async () => ((await flush()) ? base.current : null), [flush]);

  return { status, revision, lastCheck, saveNow, overwrite, markSaved };
}
