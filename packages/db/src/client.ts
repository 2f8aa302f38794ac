import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool, type PoolConfig } from 'pg';
import * as schema from './schema';

export type Database = NodePgDatabase<typeof schema> & { $client: Pool };

/** An open transaction (what `db.transaction(async (tx) => ...)` hands its callback). */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * What a repository method runs its statements on: the database handle or an open transaction.
 * The one executor type of the codebase (docs/ARCHITECTURE.md, "Transactions").
 */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export function createDb(url: string, options: Omit<PoolConfig, 'connectionString'> = {}): Database {
  const pool = new Pool({ connectionString: url, max: 10, ...options });
  return drizzle(pool, { schema }) as Database;
}
