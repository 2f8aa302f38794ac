/** The identity domain's public entry: other domains and the app import only what is listed here. */
export { placeFromHeader } from './device';
export { IdentityModule } from './identity.module';
export { IdentityRepository } from './identity.repository';
export { IdentityWorker, IdentityWorkerModule } from './identity.worker';
export { LoginSecurityService } from './login-security.service';
export { argon2Gate, hashPassword, primeDummyHash, verifyPassword } from './password';
export { SESSION_POLICY, SessionService, sessionCookieNames } from './session.service';
export { StaffAccessService } from './staff-access.service';
export { StaffBootstrapService } from './staff-bootstrap.service';
