/**
 * What other folders may import from attachments; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */

// The document safe (`documents/`) stores and checks its files the way uploads are.
export { checkUpload, cleanFileName, maxBytesOf } from './attachmentPolicy.ts';
export { attachmentsHttpHandler } from './attachmentsHttpHandler.ts';
export type { AttachmentView } from './attachmentView.ts';
export type { StoredBytes } from './fileStore.ts';
export { attachmentsRoot, commitFile, storeBytes, storedPath, temporaryPath } from './fileStore.ts';
export { contentDisposition, replyError, replyJson } from './httpReplies.ts';
export { receiveUpload } from './receiveUpload.ts';
export { recordAttachment, uploadableField } from './recordAttachment.ts';
export { requeueStalledScans } from './requeueStalledScans.ts';
export type { ScanJobData } from './scanAttachment.ts';
export { decodeScanJob, scanAttachment } from './scanAttachment.ts';
export { storageFull, tenantStoredBytes } from './tenantStorage.ts';
export type { VirusScanner } from './virusScanner.ts';
export { clamdScanner } from './virusScanner.ts';
