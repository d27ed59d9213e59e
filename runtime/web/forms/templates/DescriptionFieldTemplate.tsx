import type { DescriptionFieldProps } from '@rjsf/utils';

/** A field's or group's description, plain text, under the id its input names. */
export function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <p id={id} className="champ-description">
      {typeof description === 'string' ? description : null}
    </p>
  );
}
