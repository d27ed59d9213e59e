import { useEffect, useState } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { SimulationStep } from './replaySimulation.ts';
import { replayInWorker } from './simulationClient.ts';
import type { ReplayAnswer } from './simulationMessages.ts';

export type SimulationResult =
  | { kind: 'pending' }
  | { kind: 'ready'; answer: ReplayAnswer }
  | { kind: 'failed'; message: string };

/**
 * The run replayed in the simulation worker whenever the draft, the sample answers or
 * the steps change; an answer that arrives after a newer request is dropped.
 */
export function useSimulation(
  definition: DemarcheDefinition,
  data: Record<string, unknown>,
  steps: SimulationStep[],
  startedAt: Date,
): SimulationResult {
  const [result, setResult] = useState<SimulationResult>({ kind: 'pending' });
  useEffect(() => {
    let current = true;
    replayInWorker(definition, data, steps, startedAt).then(
      (answer) => current && setResult({ kind: 'ready', answer }),
      (error: Error) => current && setResult({ kind: 'failed', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [definition, data, steps, startedAt]);
  return result;
}
