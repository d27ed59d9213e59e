/**
 * What other folders may import from queues; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */

export { exportDownloadHttpHandler } from './exportDownloadHttpHandler.ts';
export type { Keyset, KeysetPosition, KeysetSegment } from './keyset.ts';
export { isKeyFor, keysetSegments } from './keyset.ts';
export type { QueueServiceContext } from './listQueue.ts';
export type { ExportJobDeps } from './performExport.ts';
export { performExport } from './performExport.ts';
export { publishedVersions } from './publishedVersions.ts';
export { purgeExpiredExports } from './purgeExpiredExports.ts';
export { decodeCursor, encodeCursor, invalidCursor } from './queueCursor.ts';
export { QUEUE_EXPORT_PATH, queueExportHttpHandler } from './queueExportHttpHandler.ts';
export { toQueueItems } from './queueItems.ts';
export type { QueueState } from './queueStates.ts';
export { queueStates } from './queueStates.ts';
export { queueContextOf, queuesRouter } from './queuesRouter.ts';
export type { QueueViewer } from './queueViewer.ts';
export { submitted, unitVisibility, visibleUnits } from './queueViewer.ts';
export { stateOf } from './stateCatalog.ts';
