import { Inject } from '@nestjs/common';

/** The Drizzle handle's injection token (DatabaseModule provides it; only repositories inject it). */
export const DB = Symbol('DB');
export const InjectDb = () => Inject(DB);
