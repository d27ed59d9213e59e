import type { DemarcheDefinition } from '../definition/types.ts';
import { socialAidDefinition } from './socialAidDefinition.ts';

/**
 * The social-aid démarche with three choices from data sources: the applicant's commune
 * from the tenant's reference table `communes`, their child's school from a URL source,
 * and a school level from a static list. `schoolsUrl` is where the server reads schools
 * (a test's loopback https server).
 */
export function sourcedChoicesDefinition(
  schoolsUrl = 'https://opendata.example.fr/ecoles.json',
): DemarcheDefinition {
  const base = structuredClone(socialAidDefinition);
  const schema = base.form.schema as { properties: Record<string, unknown> };
  schema.properties['commune'] = {
    type: 'string',
    title: 'Commune de résidence',
    'x-source': 'communes',
  };
  schema.properties['ecole'] = { type: 'string', title: 'École', 'x-source': 'ecoles' };
  schema.properties['niveau'] = { type: 'string', title: 'Niveau', 'x-source': 'niveaux' };
  return {
    ...base,
    meta: {
      ...base.meta,
      slug: 'aide-scolaire',
      title: 'Aide à la scolarité',
      referencePrefix: 'SCOL',
    },
    form: {
      ...base.form,
      uiSchema: {
        'ui:order': [
          'nom',
          'prenom',
          'email',
          'commune',
          'ecole',
          'niveau',
          'situation',
          'conjoint',
          'revenuMensuel',
        ],
      },
    },
    dataSources: [
      { id: 'communes', kind: 'table', table: 'communes' },
      {
        id: 'ecoles',
        kind: 'url',
        url: schoolsUrl,
        itemsPath: 'resultats',
        valuePath: 'identifiant',
        labelPath: 'nom',
        cacheSeconds: 600,
      },
      {
        id: 'niveaux',
        kind: 'static',
        options: [
          { value: 'cp', label: 'CP' },
          { value: 'ce1', label: 'CE1' },
        ],
      },
    ],
  };
}
