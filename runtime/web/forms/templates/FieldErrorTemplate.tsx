import type { FieldErrorProps } from '@rjsf/utils';

/** A field's messages, under the id its input names in `aria-describedby`. */
export function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const messages = errors.filter((error) => typeof error === 'string' && error !== '');
  if (messages.length === 0) return null;
  return (
    <ul id={`${fieldPathId.$id}__error`} className="champ-erreurs">
      {messages.map((message) => (
        <li key={String(message)}>
          <span className="visuellement-cache">Erreur : </span>
          {message}
        </li>
      ))}
    </ul>
  );
}
