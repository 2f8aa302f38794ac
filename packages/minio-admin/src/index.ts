export * from './client';
export * from './crypto';
export * from './errors';
export * from './policy';
export * from './sigv4';
export * from './types';
