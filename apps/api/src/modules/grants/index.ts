/** The grants domain's public entry: other domains and the app import only what is listed here. */
export { GrantAuditInterceptor } from './grant-audit.interceptor';
export { GrantSessionService } from './grant-session.service';
export { GrantsModule } from './grants.module';
