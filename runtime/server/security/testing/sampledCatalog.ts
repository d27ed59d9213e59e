import { appRouter } from '../../router.ts';
import { type CatalogEntry, procedureCatalog } from '../procedureCatalog.ts';
import { PROCEDURE_SAMPLES, type ProcedureSample } from './procedureSamples.ts';

export type SampledEntry = CatalogEntry & { sample: ProcedureSample };

/**
 * The app router's procedures with their registry entry. A procedure the registry lacks
 * is left out here and reported by `procedureSamples.test.ts`, which then fails.
 *
 * @example
 * for (const entry of sampledCatalog()) await callProcedure(client, entry, entry.sample.input?.(world));
 */
export function sampledCatalog(): SampledEntry[] {
  return procedureCatalog(appRouter).flatMap((entry) => {
    const sample = PROCEDURE_SAMPLES[entry.path];
    return sample === undefined ? [] : [{ ...entry, sample }];
  });
}
