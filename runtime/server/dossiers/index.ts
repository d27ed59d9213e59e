/**
 * What other folders may import from dossiers; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */
export { actOnDossier } from './actOnDossier.ts';
export { auditDenial } from './auditDenial.ts';
export { citizenProcedure } from './citizenProcedure.ts';
export { createDossier } from './createDossier.ts';
export { readerOf } from './dossierAccess.ts';
export { dossierAttachments } from './dossierAttachments.ts';
export type { DossierContext } from './dossierContext.ts';
export { dossierContextOf } from './dossierContext.ts';
export { payloadTooLarge } from './dossierErrors.ts';
export type { DossierRow } from './dossierSnapshot.ts';
export { toSnapshot } from './dossierSnapshot.ts';
export { dossiersRouter } from './dossiersRouter.ts';
export { canEdit, editableFields } from './editableFields.ts';
export { staleRevision } from './engineErrorToDomain.ts';
export { fireTransition } from './fireTransition.ts';
export { inTransaction } from './inTransaction.ts';
export { lastChangeOf } from './lastChange.ts';
export { listMyDossiers } from './listMyDossiers.ts';
export type { DossierLoadError, LoadedDossier } from './loadDossier.ts';
export { loadDossier } from './loadDossier.ts';
export type { PublishedVersion, PublishedVersions } from './publishedDefinition.ts';
export {
  createPublishedVersions,
  loadLatestVersion,
  loadPublishedVersion,
  processPublishedVersions,
} from './publishedDefinition.ts';
export { saveDraft } from './saveDraft.ts';
export { dossierSourceLabels } from './sourcedValues.ts';
export type { StaffOnlyEventType } from './staffOnlyEvents.ts';
export { submitDossier } from './submitDossier.ts';
export { createUnitCatalog, unitsFromDatabase } from './unitCatalog.ts';
