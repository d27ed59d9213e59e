import { useEffect, useId, useState } from 'react';
import type { DemarcheDefinition, Role } from '../../shared/definition/index.ts';
import type { AllowedAction } from '../../shared/engine/index.ts';
import { slugFromTitle } from '../demarches/slugFromTitle.ts';
import type { DraftChange } from '../editing/index.ts';
import { CitizenForm } from '../form/CitizenForm.tsx';
import { describeRefusal } from './describeRefusal.ts';
import type { RenderedMail } from './renderSimulatedMail.ts';
import type { SimulationStep, SimulationView } from './replaySimulation.ts';
import { toTestCase } from './replaySimulation.ts';
import { SampleForm } from './SampleForm.tsx';
import { useSimulation } from './useSimulation.ts';

const ROLES: ReadonlyArray<{ role: Role; label: string }> = [
  { role: 'applicant', label: 'Usager' },
  { role: 'agent', label: 'Agent' },
  { role: 'supervisor', label: 'Superviseur' },
  { role: 'admin', label: 'Administrateur' },
  { role: 'system', label: 'Système (délai écoulé)' },
];
const ROLE_LABEL = Object.fromEntries(ROLES.map(({ role, label }) => [role, label])) as Record<
  Role,
  string
>;

/**
 * The Simulation tab: the admin fills sample answers in the citizen's own form, then
 * fires actions as each role and sees the state, computed values and the effects that
 * would run (mails rendered) — all in the simulation worker, nothing stored or
 * published. A run can be kept as a test case of the draft.
 */
export function SimulationPanel({
  definition,
  dispatch,
}: {
  definition: DemarcheDefinition;
  dispatch: (change: DraftChange) => void;
}) {
  const id = useId();
  const [startedAt] = useState(() => new Date());
  const [data, setData] = useState<Record<string, unknown>>(
    () => structuredClone(definition.tests?.[0]?.data) ?? {},
  );
  const [steps, setSteps] = useState<SimulationStep[]>([]);
  const [refusal, setRefusal] = useState('');
  const [asking, setAsking] = useState<{ action: AllowedAction; role: Role } | null>(null);
  const [input, setInput] = useState<Record<string, unknown>>({});
  const [testName, setTestName] = useState('');
  const [saved, setSaved] = useState('');
  const result = useSimulation(definition, data, steps, startedAt);
  const view = result.kind === 'ready' ? result.answer.view : null;

  // A refused step is told, then taken back: the run goes on from the state before it.
  useEffect(() => {
    if (view?.refused) {
      setRefusal(describeRefusal(view.refused.error));
      setSteps((current) => current.slice(0, view.steps.length));
    }
  }, [view]);

  function fire(role: Role, action: AllowedAction, withInput?: Record<string, unknown>) {
    const transition = definition.workflow.transitions.find((t) => t.id === action.transition);
    if (transition?.input && withInput === undefined) {
      setAsking({ action, role });
      setInput({});
      return;
    }
    setRefusal('');
    setSaved('');
    setAsking(null);
    setSteps((current) => [
      ...current,
      { transition: action.transition, actor: role, ...(withInput ? { input: withInput } : {}) },
    ]);
  }

  function saveTestCase() {
    if (!view || testName.trim() === '') return;
    const taken = new Set((definition.tests ?? []).map((test) => test.id));
    const base = slugFromTitle(testName) || 'cas';
    let testId = base;
    for (let n = 2; taken.has(testId); n += 1) testId = `${base}-${n}`;
    const testCase = toTestCase(testId, testName.trim(), data, view);
    dispatch({
      type: 'replaceDefinition',
      definition: { ...definition, tests: [...(definition.tests ?? []), testCase] },
    });
    setSaved(`Cas de test « ${testCase.name} » ajouté au brouillon.`);
    setTestName('');
  }

  const askingTransition = asking
    ? definition.workflow.transitions.find((t) => t.id === asking.action.transition)
    : undefined;

  return (
    <section aria-labelledby={`${id}-titre`} className="simulation">
      <h2 id={`${id}-titre`}>Simulation</h2>
      <p className="aide">
        Jouez la démarche comme l’usager puis comme les agents, sur des réponses d’exemple : rien
        n’est publié ni enregistré, aucun message n’est envoyé.
      </p>
      <div className="colonnes-simulation">
        <section aria-labelledby={`${id}-reponses`}>
          <h3 id={`${id}-reponses`}>Réponses d’exemple de l’usager</h3>
          <CitizenForm definition={definition} data={data} onChange={setData} />
        </section>
        <div>
          {result.kind === 'failed' ? (
            <p role="alert" className="message-erreur">
              La simulation ne peut pas jouer ce brouillon : {result.message}
            </p>
          ) : null}
          {view ? <DossierState definition={definition} view={view} /> : null}
          {refusal ? (
            <p role="alert" className="message-erreur">
              Action refusée : {refusal}
            </p>
          ) : null}
          {view ? (
            <section aria-labelledby={`${id}-actions`}>
              <h3 id={`${id}-actions`}>Actions</h3>
              {ROLES.map(({ role, label }) => (
                <RoleActions
                  key={role}
                  label={label}
                  allowed={view.actions[role]}
                  unavailable={view.unavailable[role]}
                  onFire={(action) => fire(role, action)}
                />
              ))}
            </section>
          ) : null}
          {asking && askingTransition?.input ? (
            <section aria-labelledby={`${id}-saisie`} className="carte">
              <h3 id={`${id}-saisie`}>
                {ROLE_LABEL[asking.role]} : {asking.action.label}
              </h3>
              <SampleForm
                schema={askingTransition.input.schema}
                uiSchema={askingTransition.input.uiSchema}
                data={input}
                onChange={setInput}
              />
              <button
                type="button"
                className="bouton-principal"
                onClick={() => fire(asking.role, asking.action, input)}
              >
                Valider l’action
              </button>
              <button type="button" onClick={() => setAsking(null)}>
                Annuler
              </button>
            </section>
          ) : null}
          {view ? (
            <History
              view={view}
              mails={result.kind === 'ready' ? result.answer.mails : []}
              labelOf={(transition) =>
                definition.workflow.transitions.find((t) => t.id === transition)?.label ??
                transition
              }
            />
          ) : null}
          <div className="barre-outils">
            <button
              type="button"
              disabled={steps.length === 0}
              onClick={() => {
                setRefusal('');
                setSteps((current) => current.slice(0, -1));
              }}
            >
              Revenir sur la dernière action
            </button>
            <button
              type="button"
              disabled={steps.length === 0}
              onClick={() => {
                setRefusal('');
                setSteps([]);
              }}
            >
              Recommencer
            </button>
          </div>
          <section aria-labelledby={`${id}-cas`} className="carte">
            <h3 id={`${id}-cas`}>Garder ce déroulé comme cas de test</h3>
            <div className="champ">
              <label htmlFor={`${id}-nom-cas`}>Nom du cas de test</label>
              <input
                id={`${id}-nom-cas`}
                value={testName}
                maxLength={200}
                onChange={(event) => setTestName(event.target.value)}
              />
            </div>
            <button
              type="button"
              disabled={!view || steps.length === 0 || testName.trim() === ''}
              onClick={saveTestCase}
            >
              Enregistrer comme cas de test
            </button>
            {saved ? (
              <p role="status" className="message-succes">
                {saved}
              </p>
            ) : null}
          </section>
        </div>
      </div>
    </section>
  );
}

function DossierState({
  definition,
  view,
}: {
  definition: DemarcheDefinition;
  view: SimulationView;
}) {
  const state = definition.workflow.states.find((s) => s.id === view.dossier.state);
  const computed = (definition.computed ?? []).map((c) => c.field);
  return (
    <section aria-label="État du dossier simulé" className="carte">
      <p role="status" aria-live="polite" className="etat-simule">
        État : <strong>{state?.label ?? view.dossier.state}</strong>
        {view.final ? ' — état final' : ''}
      </p>
      <p>
        Service : {view.dossier.unit ?? 'aucun'} — priorité : {view.dossier.priority}
      </p>
      {computed.length > 0 ? (
        <>
          <h4>Valeurs calculées</h4>
          <dl className="valeurs-calculees">
            {computed.map((field) => (
              <div key={field}>
                <dt>{field}</dt>
                <dd>{view.computed[field] === undefined ? '—' : String(view.computed[field])}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}

function RoleActions({
  label,
  allowed,
  unavailable,
  onFire,
}: {
  label: string;
  allowed: AllowedAction[];
  unavailable: SimulationView['unavailable'][Role];
  onFire: (action: AllowedAction) => void;
}) {
  if (allowed.length === 0 && unavailable.length === 0) return null;
  return (
    <div className="actions-role">
      <h4>{label}</h4>
      <ul>
        {allowed.map((action) => (
          <li key={action.transition}>
            <button
              type="button"
              onClick={() => onFire(action)}
              aria-label={`${label} : ${action.label}`}
            >
              {action.label}
            </button>
            {action.blockedBy ? (
              <span className="aide">
                {' '}
                Bloquée pour l’instant : {action.blockedBy.map((b) => b.message).join(' ; ')}
              </span>
            ) : null}
          </li>
        ))}
        {unavailable.map((action) => (
          <li key={action.transition} className="aide">
            {action.label} — {action.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

function History({
  view,
  mails,
  labelOf,
}: {
  view: SimulationView;
  mails: RenderedMail[][];
  labelOf: (transition: string) => string;
}) {
  if (view.steps.length === 0) return <p>Aucune action jouée pour l’instant.</p>;
  return (
    <section aria-label="Déroulé de la simulation">
      <h3>Déroulé</h3>
      <ol className="deroule">
        {view.steps.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps and effects have no id but their place
          <li key={`${index}-${step.transition}`}>
            {ROLE_LABEL[step.actor]} : {labelOf(step.transition)} → {step.state}
            {step.effects.length > 0 ? (
              <ul>
                {step.effects.map((effect, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: steps and effects have no id but their place
                  <li key={`${n}-${effect.type}`}>{describeEffect(effect)}</li>
                ))}
              </ul>
            ) : null}
            {(mails[index] ?? []).map((mail, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps and effects have no id but their place
              <div key={`${n}-${mail.template}`} className="courriel-simule">
                {'problem' in mail ? (
                  <p className="message-erreur">
                    Message « {mail.template} » : {mail.problem}
                  </p>
                ) : (
                  <>
                    <p>
                      <strong>Objet :</strong> {mail.subject}
                    </p>
                    <pre>{mail.body}</pre>
                  </>
                )}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

function describeEffect(effect: { type: string; template?: string; url?: string }): string {
  switch (effect.type) {
    case 'notify':
      return `Courriel « ${effect.template} » (non envoyé)`;
    case 'letter':
      return `Courrier PDF « ${effect.template} » (non produit)`;
    case 'webhook':
      return `Appel ${effect.url} (non effectué)`;
    default:
      return effect.type;
  }
}
