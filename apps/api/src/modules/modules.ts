import './messages';
import { AccountsModule } from './accounts';
import { AdminModule } from './admin';
import { ApiTokensModule } from './api-tokens';
import { AuditLogModule } from './audit';
import { GrantsModule } from './grants';
import { HealthModule } from './health';
import { IdentityModule } from './identity';
import { ReconcilerModule } from './reconciler';
import { StorageModule } from './storage';
import { TeamModule } from './team';

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
