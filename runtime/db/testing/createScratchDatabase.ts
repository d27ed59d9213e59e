import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export interface ScratchDatabase {
  url: string;
  /** Drops the database, closing any connection still open on it. */
  drop(): Promise<void>;
}

/**
 * Creates an empty PostgreSQL database `guichet_t_<random>` on the server of `baseUrl`,
 * so parallel test files never share tables.
 *
 * @example
 * const scratch = await createScratchDatabase(process.env.DATABASE_URL!);
 * const database = await openDatabase({ url: scratch.url });
 * await database.close();
 * await scratch.drop();
 */
export async function createScratchDatabase(baseUrl: string): Promise<ScratchDatabase> {
  const name = `guichet_t_${randomBytes(8).toString('hex')}`;
  await withAdmin(baseUrl, async (admin) => {
    // CREATE DATABASE fails while another session sits on template1; that is brief.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.unsafe(`create database "${name}"`);
        return;
      } catch (error) {
        if (attempt >= 5 || !String(error).includes('being accessed by other users')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  });
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdmin(baseUrl, async (admin) => {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
      }),
  };
}

async function withAdmin(url: string, run: (admin: postgres.Sql) => Promise<void>): Promise<void> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await run(admin);
  } finally {
    await admin.end();
  }
}
