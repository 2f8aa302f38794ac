/**
 * The database schema, one file per domain (new domains add theirs and a line here). drizzle-kit reads
 * this file (drizzle.config.ts); `npm run db:generate -w @csp/db` after a change writes the migration.
 */
export * from './enums';
export * from './accounts';
export * from './identity';
export * from './storage';
export * from './team';
export * from './governance';
export * from './platform';
