/**
 * Errors are values inside `shared/` and services: a function that can fail for a
 * reason the caller must handle returns a `Result` instead of throwing.
 *
 * @example
 * const r = apply(def, dossier, { transition: 'submit' }, {}, actor, now);
 * if (!r.ok) return mapError(r.error);
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
