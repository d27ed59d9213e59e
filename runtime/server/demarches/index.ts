/**
 * What other folders may import from demarches; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { demarchesRouter } from './demarchesRouter.ts';
export { readStoredDefinition, UnreadableDefinitionError } from './readStoredDefinition.ts';
export { VALIDATORS_PATH, validatorsHttpHandler } from './validatorsHttpHandler.ts';
