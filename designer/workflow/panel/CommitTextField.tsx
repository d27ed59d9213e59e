import { type ReactNode, useEffect, useId, useState } from 'react';

export interface CommitTextFieldProps {
  label: string;
  value: string;
  /** Called on blur or Enter with the trimmed text, when it changed and is acceptable. */
  onCommit: (value: string) => void;
  /** Refuse an empty text, with this French message. */
  requiredMessage?: string;
  hint?: ReactNode;
  type?: 'text' | 'url' | 'email';
}

/**
 * A text input that keeps what is typed locally and commits on blur or Enter: one change
 * in the studio's history per edit, not one per keystroke.
 *
 * @example
 * <CommitTextField label="Libellé" value={state.label} onCommit={(label) => …} />
 */
export function CommitTextField({
  label,
  value,
  onCommit,
  requiredMessage,
  hint,
  type = 'text',
}: CommitTextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);

  function commit() {
    const text = draft.trim();
    if (text === '' && requiredMessage) {
      setError(requiredMessage);
      return;
    }
    setError(null);
    if (text !== value) onCommit(text);
  }

  const described = [hint ? `${id}-aide` : '', error ? `${id}-erreur` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="champ">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-aide`} className="aide">
          {hint}
        </p>
      )}
      <input
        id={id}
        type={type}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      {error && (
        <p id={`${id}-erreur`} className="erreur">
          {error}
        </p>
      )}
    </div>
  );
}
