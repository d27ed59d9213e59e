import { router, staffProcedure, unwrap } from '../trpc/index.ts';
import { setUnitArchived } from './archiveUnit.ts';
import { createUnit } from './createUnit.ts';
import { importUnitsCsv } from './importUnitsCsv.ts';
import { listUnitTree } from './listUnitTree.ts';
import { moveUnit } from './moveUnit.ts';
import { previewUnitsCsv } from './previewUnitsCsv.ts';
import { publishedUses } from './publishedUses.ts';
import { renameUnit } from './renameUnit.ts';
import { unitContextOf } from './unitContext.ts';
import {
  archiveUnitInput,
  byUnitInput,
  createUnitInput,
  importUnitsInput,
  moveUnitInput,
  noInput,
  renameUnitInput,
} from './unitInputs.ts';

const admin = staffProcedure('admin');

/**
 * The tenant's organisation tree, for its admins: list, create, rename, move, archive
 * (after seeing which published démarches name the unit) or restore, preview then import a CSV. Every change is audited; the unit catalogue of every process hears of it at
 * commit (migration 0005's NOTIFY on `units`).
 */
export const unitsRouter = router({
  tree: admin.input(noInput).query(({ ctx }) => listUnitTree(unitContextOf(ctx))),
  create: admin
    .input(createUnitInput)
    .mutation(async ({ ctx, input }) => unwrap(await createUnit(unitContextOf(ctx), input))),
  rename: admin
    .input(renameUnitInput)
    .mutation(async ({ ctx, input }) => unwrap(await renameUnit(unitContextOf(ctx), input))),
  move: admin
    .input(moveUnitInput)
    .mutation(async ({ ctx, input }) => unwrap(await moveUnit(unitContextOf(ctx), input))),
  publishedUses: admin
    .input(byUnitInput)
    .query(async ({ ctx, input }) => unwrap(await publishedUses(unitContextOf(ctx), input))),
  setArchived: admin
    .input(archiveUnitInput)
    .mutation(async ({ ctx, input }) => unwrap(await setUnitArchived(unitContextOf(ctx), input))),
  // A mutation though it writes nothing: the file is up to 1 MB, too big for a GET's URL.
  previewCsv: admin
    .input(importUnitsInput)
    .mutation(({ ctx, input }) => previewUnitsCsv(unitContextOf(ctx), input)),
  importCsv: admin
    .input(importUnitsInput)
    .mutation(async ({ ctx, input }) => unwrap(await importUnitsCsv(unitContextOf(ctx), input))),
});
