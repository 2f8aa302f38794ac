import { Injectable } from '@nestjs/common';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { schema, type Database } from '@csp/db';
import { InjectDb } from './db.token';

/**
 * One database transaction on one checked-out connection, shared by Drizzle (`tx`, for the
 * repositories) and anything else that must commit or roll back with it: pg-boss enqueues domain
 * events through `executeSql` (its `send(..., { db })`), so an event exists exactly when the
 * change that raised it committed, never after a rollback and never "published after commit".
 */
export interface UnitOfWork {
  /** The transaction, for repository methods (it satisfies `Executor`). */
  readonly tx: NodePgDatabase<typeof schema>;
  /** Runs raw SQL inside the transaction (pg-boss's `db` adapter). */
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

@Injectable()
export class TransactionRunner {
  constructor(@InjectDb() private readonly db: Database) {}

  async run<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    const client = await this.db.$client.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      const uow: UnitOfWork = {
        tx: drizzle(client, { schema }),
        executeSql: async (text, values) => {
          const result = await client.query(text, values);
          return { rows: result.rows };
        },
      };
      let result: T;
      try {
        result = await work(uow);
      } catch (error) {
        await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      }
      await client.query('commit');
      return result;
    } catch (error) {
      broken ??= isConnectionError(error) ? (error as Error) : undefined;
      throw error;
    } finally {
      // A connection whose state is unknown is dropped instead of going back to the pool.
      client.release(broken);
    }
  }
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === '57P01';
}
