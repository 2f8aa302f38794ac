import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool, type PoolConfig } from 'pg';
import * as schema from './schema';

export type Database = NodePgDatabase<typeof schema> & { $client: Pool };

export function createDb(url: string, options: Omit<PoolConfig, 'connectionString'> = {}): Database {
  const pool = new Pool({ connectionString: url, max: 10, ...options });
  return drizzle(pool, { schema }) as Database;
}
