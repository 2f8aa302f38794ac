export * as schema from './schema';
export * from './schema';
export { createDb, type Database, type Executor, type Tx } from './client';
export { migrate } from './migrate';
export { liveBucket, liveBucketsOf } from './predicates';
