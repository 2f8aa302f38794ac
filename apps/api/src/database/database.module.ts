import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { createDb, type Database } from '@csp/db';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DB, InjectDb } from './db.token';
import { LeaderLocks } from './leader-lock';

export { DB, InjectDb };

class DbCloser implements OnApplicationShutdown {
  constructor(@InjectDb() private readonly db: Database) {}
  async onApplicationShutdown() {
    await this.db.$client.end();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: DB,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createDb(config.DATABASE_URL, { max: 10 }),
    },
    DbCloser,
    LeaderLocks,
  ],
  exports: [DB, LeaderLocks],
})
export class DatabaseModule {}
