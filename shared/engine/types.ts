import type { Effect, Priority, Role } from '../definition/types.ts';
import type { FieldErrors } from '../form/index.ts';

/** What the engine knows of a dossier: a plain snapshot, never a database row. */
export interface DossierSnapshot {
  id: string;
  reference: string;
  state: string;
  /** Incremented by every change; optimistic concurrency checks it. */
  revision: number;
  data: Record<string, unknown>;
  applicantId: string;
  /** Unit code the dossier is routed to. */
  unit: string | null;
  assigneeId: string | null;
  priority: Priority;
  /** ISO 8601 timestamps. */
  createdAt: string;
  enteredStateAt: string;
  dueAt: string | null;
  /** When it left its draft; absent or null before. Seen by `guardOn: 'context'` guards. */
  submittedAt?: string | null;
  /**
   * Named instants recorded by transitions with `milestone` (ISO 8601), the latest of each
   * name; timers with `since` count from them. Absent: none known.
   */
  milestones?: Readonly<Record<string, string>>;
}

/**
 * Who acts. The server resolves it: `roles` are the actor's roles in the tenant, and
 * `units` every unit code the actor covers (their units and, for supervisors, the
 * descendants), so the engine needs no unit tree.
 */
export interface Actor {
  id: string;
  roles: ReadonlyArray<Exclude<Role, 'applicant'>>;
  units: readonly string[];
}

export interface EngineAction {
  transition: string;
  /** The revision the actor saw; a different current revision is a stale write. */
  revision?: number;
}

/** Appended to the dossier's immutable log. */
export interface DossierEvent {
  type: 'transition';
  transition: string;
  from: string;
  to: string;
  actorId: string;
  at: string;
  input: Record<string, unknown>;
  /**
   * Before/after of what changed besides the state (unit, assignee, due date, priority,
   * and `data.<field>` for the fields the transition `writes`).
   */
  changes: Record<string, { before: unknown; after: unknown }>;
  /** The milestone this transition recorded, at `at`. */
  milestone?: string;
}

/** An effect to perform after commit, with the context it was decided in. */
export interface PendingEffect {
  effect: Effect;
  transition: string;
  dossierId: string;
  /**
   * Set only when the transition moves the dossier to another unit after this effect is
   * listed: the unit it had at this point, which a mail `to: unit` goes to (a transfer
   * tells the union it leaves, then the one it joins).
   */
  unit?: string | null;
}

export interface ApplyOutcome {
  dossier: DossierSnapshot;
  events: DossierEvent[];
  effects: PendingEffect[];
}

/**
 * Errors carry stable codes. Field errors hold the French messages of `shared/form`, the
 * ones the browser shows for the same data.
 */
export type EngineError =
  | { code: 'UNKNOWN_TRANSITION'; transition: string }
  | { code: 'FINAL_STATE'; state: string }
  | { code: 'NOT_FROM_STATE'; transition: string; state: string }
  | { code: 'NOT_ALLOWED'; transition: string; reason: 'role' | 'unit' | 'owner' }
  | { code: 'GUARD_FAILED'; transition: string; failures: GuardFailure[] }
  /** The transition's stored guard cannot run (it predates publish-time checks). */
  | { code: 'GUARD_BROKEN'; transition: string }
  | { code: 'INVALID_INPUT'; transition: string; errors: FieldErrors }
  | { code: 'INVALID_DATA'; transition: string; errors: FieldErrors }
  | { code: 'STALE_REVISION'; expected: number; actual: number };

export interface GuardFailure {
  /** JSON pointer into the dossier data, e.g. `/income`. */
  field: string;
  /** The JSON Schema keyword that failed, e.g. `minimum`. */
  rule: string;
  message: string;
}

export interface AllowedAction {
  transition: string;
  label: string;
  to: string;
  /** Present when the actor may fire it but a guard currently blocks it. */
  blockedBy?: GuardFailure[];
}
