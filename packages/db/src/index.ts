export * as schema from './schema';
export * from './schema';
export { createDb, type Database } from './client';
export { migrate } from './migrate';
