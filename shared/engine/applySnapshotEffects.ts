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
  context: { compiled: CompiledDefinition; actor: Actor; now: Date },
): void {
  for (const effect of effects) {
    switch (effect.type) {
      case 'assign':
        if (effect.unit !== undefined) next.unit = effect.unit;
        if (effect.agent === 'actor') next.assigneeId = context.actor.id;
        else if (effect.agent === 'none') next.assigneeId = null;
        break;
      case 'route':
        next.unit = routeCompiled(context.compiled, next.data) ?? next.unit;
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
