import { loadTemplate } from '../../../../templates/index.ts';

/**
 * A template's own complete answers: the data of its first test case (its `sample.json`).
 *
 * @example
 * templateSample('adhesion-syndicale'); // { nom: 'Martin', prenom: 'Élise', … }
 */
export function templateSample(slug: string): Record<string, unknown> {
  const template = loadTemplate(slug);
  const data = template.ok ? template.value.tests?.[0]?.data : undefined;
  if (data === undefined) throw new Error(`${slug} has no sample data`);
  return structuredClone(data);
}
