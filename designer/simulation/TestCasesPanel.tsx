import { useId, useState } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { TestCaseOutcome } from '../../shared/engine/index.ts';
import type { DraftChange } from '../editing/index.ts';
import { runTestsInWorker } from './simulationClient.ts';

/**
 * The draft's test cases: listed, run with the shared `runTestCase` (in the simulation
 * worker, on the draft as it is on screen), each shown passed or failed with what
 * differs from what it expects; a case can be removed. The server runs them again
 * before publishing, and a failing one blocks it.
 */
export function TestCasesPanel({
  definition,
  dispatch,
}: {
  definition: DemarcheDefinition;
  dispatch: (change: DraftChange) => void;
}) {
  const id = useId();
  const [outcomes, setOutcomes] = useState<TestCaseOutcome[] | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState('');
  const tests = definition.tests ?? [];

  async function run() {
    setRunning(true);
    setProblem('');
    try {
      setOutcomes(await runTestsInWorker(definition, new Date()));
    } catch (error) {
      setProblem(`Les cas de test n’ont pas pu être joués : ${(error as Error).message}`);
    } finally {
      setRunning(false);
    }
  }

  function remove(testId: string) {
    dispatch({
      type: 'replaceDefinition',
      definition: { ...definition, tests: tests.filter((test) => test.id !== testId) },
    });
    setOutcomes(null);
  }

  const outcomeOf = new Map((outcomes ?? []).map((outcome) => [outcome.id, outcome]));
  const failed = (outcomes ?? []).filter((outcome) => !outcome.passed).length;
  return (
    <section aria-labelledby={`${id}-titre`} className="cas-de-test">
      <h2 id={`${id}-titre`}>Cas de test</h2>
      {tests.length === 0 ? (
        <p>
          Aucun cas de test : jouez un déroulé dans l’onglet Simulation et gardez-le comme cas de
          test.
        </p>
      ) : (
        <button type="button" className="bouton-principal" disabled={running} onClick={run}>
          {running ? 'Exécution…' : `Lancer les ${tests.length} cas de test`}
        </button>
      )}
      {problem ? (
        <p role="alert" className="message-erreur">
          {problem}
        </p>
      ) : null}
      {outcomes ? (
        <p role="status" className={failed === 0 ? 'message-succes' : 'message-erreur'}>
          {failed === 0
            ? `${outcomes.length} cas de test réussi(s).`
            : `${failed} cas de test en échec sur ${outcomes.length} : la publication sera refusée.`}
        </p>
      ) : null}
      <ul className="liste-cas">
        {tests.map((test) => {
          const outcome = outcomeOf.get(test.id);
          return (
            <li key={test.id} className="carte">
              <h3>
                {test.name}{' '}
                {outcome ? (
                  <span className={outcome.passed ? 'message-succes' : 'message-erreur'}>
                    {outcome.passed ? '— réussi' : '— en échec'}
                  </span>
                ) : null}
              </h3>
              <table>
                <caption>Étapes de « {test.name} »</caption>
                <thead>
                  <tr>
                    <th scope="col">Action</th>
                    <th scope="col">Par</th>
                    <th scope="col">Attendu</th>
                    {outcome ? <th scope="col">Obtenu</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {test.steps.map((step, index) => {
                    const got = outcome?.steps[index];
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: steps and effects have no id but their place
                      <tr key={`${index}-${step.transition}`}>
                        <td>{step.transition}</td>
                        <td>{step.actor}</td>
                        <td>
                          {step.expect.state}
                          {step.expect.effects ? ` [${step.expect.effects.join(', ')}]` : ''}
                        </td>
                        {outcome ? (
                          <td
                            className={got && got.mismatches.length === 0 ? '' : 'message-erreur'}
                          >
                            {got
                              ? got.mismatches.length === 0
                                ? `${got.state} [${got.effects.join(', ')}] — conforme`
                                : got.mismatches.map((mismatch) => mismatch).join(' ')
                              : 'non jouée (une étape précédente a échoué)'}
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <button
                type="button"
                onClick={() => remove(test.id)}
                aria-label={`Supprimer le cas de test « ${test.name} »`}
              >
                Supprimer
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
