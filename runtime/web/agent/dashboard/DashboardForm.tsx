import { type FormEvent, useId, useState } from 'react';
import type { DashboardFilters } from './dashboardFilters.ts';

interface Choices {
  demarches: ReadonlyArray<{ id: string; title: string }>;
  levels: ReadonlyArray<{ code: string; name: string; depth: number }>;
  wholeTenant: boolean;
}

interface DashboardFormProps {
  filters: DashboardFilters;
  choices: Choices;
  apply: (filters: DashboardFilters) => void;
}

/** Indentation of a level in the select: options take no markup, so em spaces. */
const indent = (depth: number) => '\u2003'.repeat(depth);

/**
 * Démarche, level of the unit tree (indented by depth) and period: a month, or two
 * days. Applied on submit, which writes them into the address.
 */
export function DashboardForm({ filters, choices, apply }: DashboardFormProps) {
  const id = useId();
  const [draft, setDraft] = useState({
    demarcheId: filters.demarcheId ?? '',
    unit: filters.unit ?? '',
    kind: filters.from ? 'dates' : 'mois',
    month: filters.month ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
  });
  const set = (name: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const dates = draft.kind === 'dates' && draft.from && draft.to;
    apply({
      demarcheId: draft.demarcheId || undefined,
      unit: draft.unit || undefined,
      month: dates ? undefined : draft.month || undefined,
      from: dates ? draft.from : undefined,
      to: dates ? draft.to : undefined,
    });
  };
  return (
    <form className="filtres tableau-de-bord" aria-label="Choisir les chiffres" onSubmit={submit}>
      <div className="champ">
        <label htmlFor={`${id}-demarche`}>Démarche</label>
        <select id={`${id}-demarche`} value={draft.demarcheId} onChange={set('demarcheId')}>
          <option value="">Toutes les démarches</option>
          {choices.demarches.map((demarche) => (
            <option key={demarche.id} value={demarche.id}>
              {demarche.title}
            </option>
          ))}
        </select>
      </div>
      <div className="champ">
        <label htmlFor={`${id}-niveau`}>Niveau</label>
        <select id={`${id}-niveau`} value={draft.unit} onChange={set('unit')}>
          <option value="">
            {choices.wholeTenant ? 'Toute l’organisation' : 'Tous mes services'}
          </option>
          {choices.levels.map((level) => (
            <option key={level.code} value={level.code}>
              {indent(level.depth)}
              {level.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="periode">
        <legend>Période</legend>
        <div className="choix">
          <input
            type="radio"
            id={`${id}-par-mois`}
            name={`${id}-periode`}
            value="mois"
            checked={draft.kind === 'mois'}
            onChange={set('kind')}
          />
          <label htmlFor={`${id}-par-mois`}>Un mois</label>
          <input
            type="radio"
            id={`${id}-par-dates`}
            name={`${id}-periode`}
            value="dates"
            checked={draft.kind === 'dates'}
            onChange={set('kind')}
          />
          <label htmlFor={`${id}-par-dates`}>Des dates</label>
        </div>
        {draft.kind === 'mois' ? (
          <div className="champ">
            <label htmlFor={`${id}-mois`}>Mois (vide : le mois en cours)</label>
            <input id={`${id}-mois`} type="month" value={draft.month} onChange={set('month')} />
          </div>
        ) : (
          <>
            <div className="champ">
              <label htmlFor={`${id}-du`}>Du</label>
              <input
                id={`${id}-du`}
                type="date"
                required
                value={draft.from}
                onChange={set('from')}
              />
            </div>
            <div className="champ">
              <label htmlFor={`${id}-au`}>Au (inclus)</label>
              <input
                id={`${id}-au`}
                type="date"
                required
                min={draft.from || undefined}
                value={draft.to}
                onChange={set('to')}
              />
            </div>
          </>
        )}
      </fieldset>
      <button type="submit">Afficher</button>
    </form>
  );
}
