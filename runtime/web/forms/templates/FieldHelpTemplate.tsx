import type { FieldHelpProps } from '@rjsf/utils';

/** The `ui:help` text, plain (never HTML from the definition), named by the input. */
export function FieldHelpTemplate({ help, fieldPathId }: FieldHelpProps) {
  if (!help) return null;
  return (
    <p id={`${fieldPathId.$id}__help`} className="champ-aide">
      {typeof help === 'string' ? help : null}
    </p>
  );
}
