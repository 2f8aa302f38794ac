import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { createDb, migrate } from '@csp/db';
import { loadConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { IdentityRepository, StaffBootstrapService } from './modules/identity';

@Module({
  imports: [ConfigModule.forRoot(), DatabaseModule],
  providers: [IdentityRepository, StaffBootstrapService],
})
class CliModule {}

/**
 * `node dist/cli.js setup`: applies migrations and creates the first super admin when there is
 * no staff member (SUPER_ADMIN_EMAIL / SUPER_ADMIN_PASSWORD, or a generated password). Prints
 * one JSON line for the start script.
 */
async function main(command: string | undefined) {
  if (command !== 'setup' && command !== 'migrate') {
    console.error('usage: cli.js setup|migrate');
    process.exit(2);
  }
  const config = loadConfig();
  const db = createDb(config.DATABASE_URL, { max: 1 });
  await migrate(db);
  await db.$client.end();
  if (command === 'migrate') {
    console.log(JSON.stringify({ migrated: true }));
    return;
  }
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  const created = await app.get(StaffBootstrapService).ensureSuperAdmin({
    email: process.env.SUPER_ADMIN_EMAIL ?? 'admin@cloudstoragepro.local',
    fullName: process.env.SUPER_ADMIN_NAME ?? 'Super Admin',
    password: process.env.SUPER_ADMIN_PASSWORD || undefined,
  });
  await app.close();
  console.log(JSON.stringify({ migrated: true, superAdmin: created }));
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
