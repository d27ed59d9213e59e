import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../driver/migrations.ts';
import * as schema from '../schema/index.ts';

it('the schema and the generated migrations agree (run `npm run db:generate` if not)', async () => {
  const journal = JSON.parse(await readFile(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'));
  const last = journal.entries.at(-1) as { idx: number };
  const snapshotFile = `${String(last.idx).padStart(4, '0')}_snapshot.json`;
  const previous = JSON.parse(
    await readFile(join(MIGRATIONS_FOLDER, 'meta', snapshotFile), 'utf8'),
  );
  const current = generateDrizzleJson(schema, previous.id);
  expect(await generateMigration(previous, current)).toEqual([]);
});
