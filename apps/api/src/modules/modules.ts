import './messages';
import { AccountsModule } from './accounts/accounts.module';
import { AdminModule } from './admin/admin.module';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { AuditLogModule } from './audit/audit-log.module';
import { GrantsModule } from './grants/grants.module';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { ReconcilerModule } from './reconciler/reconciler.module';
import { StorageModule } from './storage/storage.module';
import { TeamModule } from './team/team.module';

export { SharedModule } from './shared.module';

/** Every feature module of the API, in one list: the app, the OpenAPI document and the permission snapshot use it. */
export const FEATURE_MODULES = [
  IdentityModule,
  AccountsModule,
  StorageModule,
  AdminModule,
  HealthModule,
  TeamModule,
  GrantsModule,
  AuditLogModule,
  ApiTokensModule,
  ReconcilerModule,
];
