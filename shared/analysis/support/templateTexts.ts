import { quote } from './describe.ts';
import type { LintContext } from './lintContext.ts';
import { pointer } from './pointer.ts';

/** One liquid text of a notification or letter template. */
export interface TemplateText {
  kind: 'notify' | 'letter';
  id: string;
  pointer: string;
  /** French: 'le modèle de notification « decision » (objet)'. */
  name: string;
  source: string;
}

/**
 * The liquid texts of every template: a notification's subject and body, a letter's body.
 *
 * @example
 * templateTexts(context)[0];
 * // { kind: 'notify', id: 'accuse-reception', pointer: '/notifications/0/subject',
 * //   name: 'le modèle de notification « accuse-reception » (objet)', source: 'Votre demande…' }
 */
export function templateTexts(context: LintContext): TemplateText[] {
  const texts: TemplateText[] = [];
  context.notifications.forEach((template, i) => {
    for (const [key, part] of [
      ['subject', 'objet'],
      ['body', 'contenu'],
    ] as const) {
      const source = template[key];
      if (typeof source !== 'string') continue;
      texts.push({
        kind: 'notify',
        id: template.id,
        pointer: pointer('notifications', i, key),
        name: `le modèle de notification ${quote(template.id)} (${part})`,
        source,
      });
    }
  });
  context.letters.forEach((template, i) => {
    if (typeof template.body !== 'string') return;
    texts.push({
      kind: 'letter',
      id: template.id,
      pointer: pointer('letters', i, 'body'),
      name: `le modèle de courrier ${quote(template.id)}`,
      source: template.body,
    });
  });
  return texts;
}

/**
 * Where a placeholder sits, for messages: nothing on a one-line text, else its line.
 *
 * @example
 * lineNote('Bonjour\n{{ data.x }}', 2); // ', ligne 2'
 */
export function lineNote(source: string, row: number): string {
  return source.includes('\n') ? `, ligne ${row}` : '';
}
