import type { StaffRole, UserRole } from './permissions';

export interface UserAuth {
  kind: 'user';
  sessionId: string;
  userId: string;
  accountId: string;
  role: UserRole;
}

export interface StaffAuth {
  kind: 'staff';
  sessionId: string;
  staffId: string;
  role: StaffRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: UserAuth | StaffAuth;
  }
}
