import { useCallback, useEffect, useRef, useState } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPCClient } from '../../api/trpcContext.ts';
import { changedFields } from './changedFields.ts';

/** Answers are saved this long after the last change. */
const AUTOSAVE_AFTER_MS = 800;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'conflict' | 'error';

export interface Draft {
  answers: Record<string, unknown>;
  status: SaveStatus;
  /** The server's French message after a failed save. */
  problem: string | null;
  /** The dossier's revision as last saved (what submit and actions send). */
  revision(): number;
  /** Applies changed answers (`undefined` clears one) and schedules a save. */
  change(changes: Record<string, unknown>): void;
  /** Saves now what is not saved yet; false if it could not be. */
  saveNow(): Promise<boolean>;
  /** After a conflict: keep these answers over the other tab's (nothing typed here is lost). */
  keepMine(): Promise<void>;
  /** After a conflict: take the answers saved elsewhere. */
  takeSaved(): Promise<void>;
}

/**
 * A dossier's answers while the citizen fills them: kept here, autosaved after a pause
 * with the revision they were loaded at (`dossiers.saveDraft`, changed fields only). If
 * another tab saved in between, the server refuses (STALE_REVISION): the status becomes
 * `conflict`, the answers typed here stay on screen, and the citizen chooses: keep this
 * page's changes on top of the other tab's answers, or take the saved ones.
 *
 * @example
 * const draft = useDraft({ id, data: view.data, revision: view.revision });
 */
export function useDraft(initial: {
  id: string;
  data: Record<string, unknown>;
  revision: number;
}): Draft {
  const client = useTRPCClient();
  const [answers, setAnswers] = useState(initial.data);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [problem, setProblem] = useState<string | null>(null);
  const current = useRef(initial.data);
  const saved = useRef(initial.data);
  const revision = useRef(initial.revision);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<boolean> | null>(null);
  const conflict = useRef(false);
  /** Fields changed here and not saved yet: what « keep mine » keeps over another tab's save. */
  const edited = useRef(new Set<string>());

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (running.current) await running.current;
    if (conflict.current) return false;
    const sending = current.current;
    const changes = changedFields(saved.current, sending);
    if (Object.keys(changes).length === 0) {
      setStatus('saved');
      return true;
    }
    setStatus('saving');
    const run = client.dossiers.saveDraft
      .mutate({ id: initial.id, data: changes, revision: revision.current })
      .then(
        (result) => {
          revision.current = result.revision;
          saved.current = sending;
          for (const field of Object.keys(changes)) {
            if (JSON.stringify(current.current[field]) === JSON.stringify(sending[field])) {
              edited.current.delete(field);
            }
          }
          setProblem(null);
          setStatus(current.current === sending ? 'saved' : 'pending');
          return true;
        },
        (error: unknown) => {
          const refusal = domainErrorOf(error);
          if (refusal?.code === 'STALE_REVISION') {
            conflict.current = true;
            setStatus('conflict');
          } else {
            setStatus('error');
          }
          setProblem(
            refusal?.message ??
              'Vos réponses n’ont pas pu être enregistrées (connexion interrompue ?). Elles restent affichées : réessayez.',
          );
          return false;
        },
      );
    running.current = run;
    try {
      return await run;
    } finally {
      running.current = null;
    }
  }, [client, initial.id]);

  const change = useCallback(
    (changes: Record<string, unknown>) => {
      const next = { ...current.current };
      for (const [field, value] of Object.entries(changes)) {
        if (value === undefined) delete next[field];
        else next[field] = value;
        edited.current.add(field);
      }
      current.current = next;
      setAnswers(next);
      if (conflict.current) return;
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_AFTER_MS);
    },
    [saveNow],
  );

  const reload = useCallback(async () => {
    const fresh = await client.dossiers.get.query({ id: initial.id });
    revision.current = fresh.revision;
    saved.current = fresh.data;
    conflict.current = false;
    return fresh.data;
  }, [client, initial.id]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  return {
    answers,
    status,
    problem,
    revision: () => revision.current,
    change,
    saveNow,
    keepMine: async () => {
      // The other tab's answers, with this page's own changes on top: both are kept,
      // and where both changed a field, this page's answer wins.
      const theirs = await reload();
      const merged: Record<string, unknown> = { ...theirs };
      for (const field of edited.current) {
        if (field in current.current) merged[field] = current.current[field];
        else delete merged[field];
      }
      current.current = merged;
      setAnswers(merged);
      await saveNow();
    },
    takeSaved: async () => {
      const data = await reload();
      edited.current.clear();
      current.current = data;
      setAnswers(data);
      setProblem(null);
      setStatus('saved');
    },
  };
}
