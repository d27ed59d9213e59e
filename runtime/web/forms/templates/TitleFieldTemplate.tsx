import type { TitleFieldProps } from '@rjsf/utils';
import { RequiredMark } from './RequiredMark.tsx';

/** A group's title: the legend of its fieldset (ObjectFieldTemplate, ArrayFieldTemplate). */
export function TitleFieldTemplate({ id, title, required }: TitleFieldProps) {
  return (
    <legend id={id}>
      {title}
      {required ? <RequiredMark /> : null}
    </legend>
  );
}
