import type { CompiledDefinition, SnapshotEffect } from './compileDefinition.ts';
import { routeCompiled } from './routeDossier.ts';
import type { Actor, DossierSnapshot } from './types.ts';

/**
 * Applies the effects that change the dossier itself (`assign`, `route`, `setDueDate`,
 * `setPriority`), in the order the definition lists them, to `next` — the snapshot the
 * engine has just built for this transition and owns, so writing to it mutates nothing
 * the caller holds.
 *
 * A `route` that matches no rule keeps the current unit: re-routing should never orphan
 * a dossier an agent is working on.
 *
 * @example
 * applySnapshotEffects(next, [{ type: 'assign', unit: undefined, agent: 'actor' }], {
 *   compiled, actor, now,
 * }); // next.assigneeId === actor.id
 */
export function applySnapshotEffects(
  next: DossierSnapshot,
  effects: readonly SnapshotEffect[],
  context: {
    compiled: CompiledDefinition;
    actor: Actor;
    now: Date;
    input: Record<string, unknown>;
    /** The data routing reads: the snapshot's, with computed values. */
    data?: Record<string, unknown>;
  },
): void {
  for (const effect of effects) {
    switch (effect.type) {
      case 'assign':
        if (effect.unit !== undefined) next.unit = effect.unit;
        if (effect.unitFromInput !== undefined) {
          next.unit = unitFromInput(context.input, effect.unitFromInput) ?? next.unit;
        }
        if (effect.agent === 'actor') next.assigneeId = context.actor.id;
        else if (effect.agent === 'none') next.assigneeId = null;
        break;
      case 'route':
        next.unit = routeCompiled(context.compiled, context.data ?? next.data) ?? next.unit;
        break;
      case 'setDueDate':
        next.dueAt = effect.due.addTo(context.now).toISOString();
        break;
      case 'setPriority':
        next.priority = effect.priority;
        break;
    }
  }
}

/** The unit code an actor typed: a non-empty string, else none (the unit stays). */
function unitFromInput(input: Record<string, unknown>, field: string): string | null {
  const value = Object.hasOwn(input, field) ? input[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * `applySnapshotEffects` one effect at a time, those whose condition `holds`, noting the
 * dossier's unit after each: `units[k]` is its unit once the first `k` are applied, so a
 * runtime effect listed between them knows the unit it was decided for.
 *
 * @example
 * applySnapshotEffectsStepwise(next, [{ type: 'assign', unitFromInput: 'syndicat' }], () => true, context);
 * // [ 'ul-lyon', 'ul-paris' ]
 */
export function applySnapshotEffectsStepwise(
  next: DossierSnapshot,
  effects: readonly SnapshotEffect[],
  holds: (effect: SnapshotEffect) => boolean,
  context: Parameters<typeof applySnapshotEffects>[2],
): Array<string | null> {
  const units = [next.unit];
  for (const effect of effects) {
    if (holds(effect)) applySnapshotEffects(next, [effect], context);
    units.push(next.unit);
  }
  return units;
}
