/** Test support for every feature's integration tests: real databases on each driver. */

export { createScratchDatabase, type ScratchDatabase } from './createScratchDatabase.ts';
export { describeOnEachDriver } from './describeOnEachDriver.ts';
export { type AppTestDatabase, openAppTestDatabase } from './openAppTestDatabase.ts';
export {
  type OpenTestDatabaseOptions,
  openTestDatabase,
  testDrivers,
} from './openTestDatabase.ts';
export { type SeededTenant, seedDossier, seedTenant } from './seedTenant.ts';
