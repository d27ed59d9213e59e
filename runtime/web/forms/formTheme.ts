import type {
  FieldProps,
  RegistryFieldsType,
  RegistryWidgetsType,
  TemplatesType,
  WidgetProps,
} from '@rjsf/utils';
import { createElement } from 'react';
import { lazyPart } from './lazyPart.tsx';
import { ArrayFieldItemTemplate } from './templates/ArrayFieldItemTemplate.tsx';
import { ArrayFieldTemplate } from './templates/ArrayFieldTemplate.tsx';
import { BaseInputTemplate } from './templates/BaseInputTemplate.tsx';
import { DescriptionFieldTemplate } from './templates/DescriptionFieldTemplate.tsx';
import { FieldErrorTemplate } from './templates/FieldErrorTemplate.tsx';
import { FieldHelpTemplate } from './templates/FieldHelpTemplate.tsx';
import { FieldTemplate } from './templates/FieldTemplate.tsx';
import { ObjectFieldTemplate } from './templates/ObjectFieldTemplate.tsx';
import { TitleFieldTemplate } from './templates/TitleFieldTemplate.tsx';
import { CheckboxWidget } from './widgets/CheckboxWidget.tsx';
import { RadioWidget } from './widgets/RadioWidget.tsx';
import { SelectWidget } from './widgets/SelectWidget.tsx';
import { TextareaWidget } from './widgets/TextareaWidget.tsx';

const loadingField = createElement('p', { role: 'status' }, 'Chargement du champ…');

/** File fields and searched sources: their own chunks, loaded by the forms that have them. */
export const FileField = lazyPart<FieldProps>(
  () => import('./fields/FileField.tsx').then((module) => module.FileField),
  loadingField,
);
export const SourceWidget = lazyPart<WidgetProps>(
  () => import('./widgets/SourceWidget.tsx').then((module) => module.SourceWidget),
  loadingField,
);

/** The name under which file fields are rendered (`ui:field`), set by `withFileFields`. */
export const FILE_FIELD = 'fichiers';

/**
 * Our accessible theme for RJSF 6: the templates and widgets above, given to every
 * `Form` the citizen app and the studio's preview render (one place, so the preview is
 * what citizens get). RJSF's own error list is replaced by our error summary.
 */
export const formTheme = {
  templates: {
    ArrayFieldItemTemplate,
    ArrayFieldTemplate,
    BaseInputTemplate,
    DescriptionFieldTemplate,
    FieldErrorTemplate,
    FieldHelpTemplate,
    FieldTemplate,
    ObjectFieldTemplate,
    TitleFieldTemplate,
  } satisfies Partial<TemplatesType>,
  widgets: {
    CheckboxWidget,
    RadioWidget,
    SelectWidget,
    source: SourceWidget,
    TextareaWidget,
  } satisfies RegistryWidgetsType,
  fields: { [FILE_FIELD]: FileField } satisfies RegistryFieldsType,
};
