/** The identity domain's public entry: other domains and the app import only what is listed here. */
export { placeFromHeader } from './login/device';
export { IdentityCoreModule } from './identity-core.module';
export { IdentityModule } from './identity.module';
export { IdentityRepository } from './identity.repository';
export { IdentityWorker, IdentityWorkerModule } from './identity.worker';
export { LoginSecurityService } from './login/login-security.service';
export { argon2Gate, hashPassword, primeDummyHash, verifyPassword } from './login/password';
export { SESSION_POLICY, SessionService, sessionCookieNames } from './sessions/session.service';
export { StaffAccessService } from './staff/staff-access.service';
export { StaffBootstrapService } from './staff/staff-bootstrap.service';
