import { publicProcedure, router, staffProcedure, unwrap } from '../trpc/index.ts';
import { dataSourceContextOf } from './dataSourceContext.ts';
import {
  deleteReferenceTableInput,
  importReferenceTableInput,
  noInput,
  searchSourceInput,
} from './dataSourceInputs.ts';
import { deleteReferenceTable } from './deleteReferenceTable.ts';
import { importReferenceTable } from './importReferenceTable.ts';
import { listReferenceTables } from './referenceQueries.ts';
import { searchPublishedSource } from './searchPublishedSource.ts';

const admin = staffProcedure('admin');

/**
 * Choices from data sources: the tenant's reference tables for its admins (list, import
 * from CSV, replacing a table atomically, delete one no published démarche names; large
 * files go through `POST /api/reference-tables`), and the search a citizen's sourced field runs
 * as they type (public, like the catalogue: it offers only what a published form offers).
 */
export const dataSourcesRouter = router({
  tables: admin
    .input(noInput)
    .query(({ ctx }) => listReferenceTables(ctx.deps.database.db, ctx.session.tenantId)),
  importTable: admin
    .input(importReferenceTableInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await importReferenceTable(dataSourceContextOf(ctx), input)),
    ),
  deleteTable: admin
    .input(deleteReferenceTableInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await deleteReferenceTable(dataSourceContextOf(ctx), input)),
    ),
  search: publicProcedure
    .input(searchSourceInput)
    .query(async ({ ctx, input }) => unwrap(await searchPublishedSource(ctx.deps, input))),
});
