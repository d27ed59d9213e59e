import type { DemarcheDefinition } from '../definition/types.ts';
import { type CompiledDefinition, compileDefinition } from './compileDefinition.ts';

/**
 * The unit of the first routing rule whose condition the data matches, or `null` when
 * none does. The runtime calls it for new dossiers; the `route` effect calls it again.
 *
 * @example
 * routeDossier(socialAidDefinition, { situation: 'couple' }); // 'ccas-familles'
 * routeDossier(socialAidDefinition, { situation: 'seul' }); // 'ccas'
 */
export function routeDossier(
  definition: DemarcheDefinition,
  data: Record<string, unknown>,
): string | null {
  return routeCompiled(compileDefinition(definition), data);
}

/** `routeDossier` on an already compiled definition (the engine's hot path). */
export function routeCompiled(
  compiled: CompiledDefinition,
  data: Record<string, unknown>,
): string | null {
  for (const rule of compiled.schemas.routing) {
    if (rule.when === null || rule.when(data)) return rule.unit;
  }
  return null;
}
