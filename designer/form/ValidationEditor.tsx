import { useId } from 'react';
import type { FieldKind } from './fieldKinds.ts';
import {
  numberOrUndefined,
  presetOfPattern,
  TEXT_PATTERNS,
  withKeyword,
} from './validationPresets.ts';

const TEXT_KINDS: readonly FieldKind[] = ['shortText', 'longText'];
const NUMBER_KINDS: readonly FieldKind[] = ['number', 'amount'];
const MEGABYTE = 1_000_000;

/** The checks of an answer, in plain words: lengths, common formats, bounds, file types and size. */
export function ValidationEditor({
  kind,
  schema,
  onChange,
}: {
  kind: FieldKind;
  schema: Record<string, unknown>;
  onChange: (schema: Record<string, unknown>) => void;
}) {
  const id = useId();
  const numberBox = (keyword: string, label: string) => (
    <div className="champ">
      <label htmlFor={`${id}-${keyword}`}>{label}</label>
      <input
        id={`${id}-${keyword}`}
        inputMode="decimal"
        value={typeof schema[keyword] === 'number' ? String(schema[keyword]) : ''}
        onChange={(event) =>
          onChange(withKeyword(schema, keyword, numberOrUndefined(event.target.value)))
        }
      />
    </div>
  );
  if (TEXT_KINDS.includes(kind)) {
    const pattern = schema['pattern'];
    const preset = presetOfPattern(pattern);
    return (
      <fieldset className="champ">
        <legend>Contrôles de la réponse</legend>
        {numberBox('minLength', 'Nombre minimal de caractères')}
        {numberBox('maxLength', 'Nombre maximal de caractères')}
        <div className="champ">
          <label htmlFor={`${id}-format`}>Forme attendue</label>
          <select
            id={`${id}-format`}
            value={preset?.id ?? (pattern === undefined ? '' : 'perso')}
            onChange={(event) => {
              const chosen = TEXT_PATTERNS.find((candidate) => candidate.id === event.target.value);
              onChange(withKeyword(schema, 'pattern', chosen?.pattern));
            }}
          >
            <option value="">Texte libre</option>
            {TEXT_PATTERNS.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
            {pattern !== undefined && !preset ? (
              <option value="perso">Motif personnalisé : {String(pattern)}</option>
            ) : null}
          </select>
        </div>
      </fieldset>
    );
  }
  if (NUMBER_KINDS.includes(kind)) {
    return (
      <fieldset className="champ">
        <legend>Contrôles de la réponse</legend>
        {numberBox('minimum', kind === 'amount' ? 'Montant minimal (€)' : 'Valeur minimale')}
        {numberBox('maximum', kind === 'amount' ? 'Montant maximal (€)' : 'Valeur maximale')}
      </fieldset>
    );
  }
  if (kind === 'file') {
    const options = (schema['x-file'] ?? {}) as { accept?: string[]; maxBytes?: number };
    const accept = options.accept ?? [];
    const toggle = (type: string, on: boolean) => {
      const next = on ? [...accept, type] : accept.filter((other) => other !== type);
      onChange({ ...schema, 'x-file': { ...options, accept: next } });
    };
    return (
      <fieldset className="champ">
        <legend>Fichiers acceptés</legend>
        {[
          ['application/pdf', 'Documents PDF'],
          ['image/*', 'Images (PNG, JPEG, WebP)'],
        ].map(([type, label]) => (
          <div className="choix" key={type}>
            <input
              type="checkbox"
              id={`${id}-${type}`}
              checked={accept.includes(type!)}
              onChange={(event) => toggle(type!, event.target.checked)}
            />
            <label htmlFor={`${id}-${type}`}>{label}</label>
          </div>
        ))}
        <div className="champ">
          <label htmlFor={`${id}-taille`}>Taille maximale (Mo)</label>
          <input
            id={`${id}-taille`}
            inputMode="decimal"
            value={options.maxBytes ? String(options.maxBytes / MEGABYTE) : ''}
            onChange={(event) => {
              const megabytes = numberOrUndefined(event.target.value);
              const { maxBytes: _max, ...rest } = options;
              onChange({
                ...schema,
                'x-file':
                  megabytes === undefined
                    ? rest
                    : { ...rest, maxBytes: Math.round(megabytes * MEGABYTE) },
              });
            }}
          />
        </div>
      </fieldset>
    );
  }
  return null;
}
