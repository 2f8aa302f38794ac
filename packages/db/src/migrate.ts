import path from 'node:path';
import { migrate as drizzleMigrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client';

/** Applies the committed migrations in packages/db/drizzle (idempotent: applied ones are recorded). Run it from one process before starting the API and worker. */
export async function migrate(db: Database): Promise<void> {
  await drizzleMigrate(db, { migrationsFolder: path.resolve(__dirname, '../drizzle') });
}
