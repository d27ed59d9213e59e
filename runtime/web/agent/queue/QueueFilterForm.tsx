import { type FormEvent, useId, useState } from 'react';
import type { QueueFilters } from '../navigation/queueFilters.ts';

const SORTS = [
  ['', 'Plus récents d’abord'],
  ['dueAt', 'Échéance la plus proche'],
  ['priority', 'Plus urgents d’abord'],
  ['updatedAt', 'Modifiés récemment'],
] as const;

const PRIORITIES = [
  ['', 'Toutes'],
  ['urgent', 'Urgente'],
  ['high', 'Haute'],
  ['normal', 'Normale'],
  ['low', 'Basse'],
] as const;

interface QueueFilterFormProps {
  filters: QueueFilters;
  /** Unit codes and names the agent covers. */
  units: ReadonlyArray<{ code: string; name: string }>;
  apply: (filters: QueueFilters) => void;
}

/**
 * Free text, unit, due date, priority, one form field and the sort. Applied on submit
 * (Enter in any field), which writes them into the address; the search field has `/`
 * as its shortcut (`id="recherche"`).
 */
export function QueueFilterForm({ filters, units, apply }: QueueFilterFormProps) {
  const id = useId();
  const [field] = Object.entries(filters.fields ?? {});
  const [draft, setDraft] = useState({
    text: filters.text ?? '',
    unit: filters.unit ?? '',
    dueBefore: filters.dueBefore ?? '',
    priority: filters.priority ?? '',
    sort: filters.sort ?? '',
    fieldName: field?.[0] ?? '',
    fieldValue: field?.[1] ?? '',
  });
  const set = (name: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fieldName = draft.fieldName.trim();
    apply({
      demarcheId: filters.demarcheId,
      state: filters.state,
      only: filters.only,
      text: draft.text.trim() || undefined,
      unit: draft.unit || undefined,
      dueBefore: draft.dueBefore || undefined,
      priority: (draft.priority || undefined) as QueueFilters['priority'],
      sort: (draft.sort || undefined) as QueueFilters['sort'],
      fields:
        fieldName && draft.fieldValue.trim() ? { [fieldName]: draft.fieldValue.trim() } : undefined,
    });
  };
  return (
    <search>
      <form className="filtres" aria-label="Rechercher et filtrer les dossiers" onSubmit={submit}>
        <div className="champ recherche">
          <label htmlFor="recherche">Rechercher (référence, nom, contenu)</label>
          <input id="recherche" type="search" value={draft.text} onChange={set('text')} />
        </div>
        <div className="champ">
          <label htmlFor={`${id}-service`}>Service</label>
          <select id={`${id}-service`} value={draft.unit} onChange={set('unit')}>
            <option value="">Tous mes services</option>
            {units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
        <div className="champ">
          <label htmlFor={`${id}-echeance`}>Échéance avant le</label>
          <input
            id={`${id}-echeance`}
            type="date"
            value={draft.dueBefore}
            onChange={set('dueBefore')}
          />
        </div>
        <div className="champ">
          <label htmlFor={`${id}-priorite`}>Priorité</label>
          <select id={`${id}-priorite`} value={draft.priority} onChange={set('priority')}>
            {PRIORITIES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="champ">
          <label htmlFor={`${id}-champ`}>Champ du formulaire</label>
          <input
            id={`${id}-champ`}
            value={draft.fieldName}
            onChange={set('fieldName')}
            placeholder="ex. commune"
            pattern="[A-Za-z_][A-Za-z0-9_\-]{0,63}"
          />
        </div>
        <div className="champ">
          <label htmlFor={`${id}-valeur`}>Valeur du champ</label>
          <input id={`${id}-valeur`} value={draft.fieldValue} onChange={set('fieldValue')} />
        </div>
        <div className="champ">
          <label htmlFor={`${id}-tri`}>Trier</label>
          <select id={`${id}-tri`} value={draft.sort} onChange={set('sort')}>
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Filtrer</button>
      </form>
    </search>
  );
}
