import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../definition/index.ts';
import { bigDefinition } from './bigDefinition.ts';

describe('the studio benchmark’s démarche', () => {
  it('is a valid definition of the asked size', () => {
    const definition = bigDefinition({
      sections: 30,
      perSection: 30,
      states: 60,
      transitions: 150,
    });
    const loaded = loadDefinition(definition);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error.slice(0, 3)));
    const schema = loaded.value.form.schema as { properties: object };
    expect(Object.keys(schema.properties)).toHaveLength(900);
    expect(loaded.value.workflow.states).toHaveLength(60);
    expect(loaded.value.workflow.transitions).toHaveLength(150);
  });
});
