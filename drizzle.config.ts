import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes a migration for every schema change into runtime/db/migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './runtime/db/schema/index.ts',
  out: './runtime/db/migrations',
});
