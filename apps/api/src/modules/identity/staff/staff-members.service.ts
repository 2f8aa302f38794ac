import { Injectable } from '@nestjs/common';
import { AppException } from '../../../common/app-exception';
import { randomToken } from '../../../common/crypto';
import type { Language } from '../../../common/messages';
import { AuditService } from '../../audit';
import type { RequestMeta } from '../../../common/request-meta';
import type { StaffAuth } from '../../../access/auth.types';
import { hashPassword } from '../login/password';
import { PasswordResetService } from '../login/password-reset.service';
import type { StaffRole } from '../../../access/permissions';
import { SessionService } from '../sessions/session.service';
import { StaffMembersRepository, type StaffMemberRow } from './staff-members.repository';

/** Super admins manage the provider's staff: create (password set through the reset link), role, disable. */
@Injectable()
export class StaffMembersService {
  constructor(
    private readonly staff: StaffMembersRepository,
    private readonly resets: PasswordResetService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async list() {
    const rows = await this.staff.list();
    return { items: rows.map(toItem) };
  }

  async create(
    auth: StaffAuth,
    input: { fullName: string; email: string; role: StaffRole },
    meta: RequestMeta,
  ) {
    // Nobody knows this password: the new member sets one through the reset link.
    const row = await this.staff.insert({ ...input, passwordHash: await hashPassword(randomToken(32)) });
    if (!row) throw AppException.conflict('email_taken');
    await this.resets.issue({ staffId: row.id }, row.email, row.fullName, row.language as Language, meta);
    await this.audit.byStaff(auth, meta, {
      action: 'staff.member_created',
      resourceType: 'staff',
      resourceId: row.id,
      details: { role: row.role },
    });
    return toItem(row);
  }

  private async find(id: string) {
    const row = await this.staff.find(id);
    if (!row) throw AppException.notFound();
    return row;
  }

  async setRole(auth: StaffAuth, id: string, role: StaffRole, meta: RequestMeta) {
    if (id === auth.staffId) throw AppException.badRequest('staff_self_change');
    const before = await this.find(id);
    const row = (await this.staff.update(id, { role })) ?? before;
    // A privilege change: the member signs in again.
    await this.sessions.endAllSessionsOfStaff(id);
    await this.audit.byStaff(auth, meta, {
      action: 'staff.member_role_changed',
      resourceType: 'staff',
      resourceId: id,
      details: { before: before.role, after: role },
    });
    return toItem(row);
  }

  async setStatus(auth: StaffAuth, id: string, status: 'active' | 'disabled', meta: RequestMeta) {
    if (id === auth.staffId) throw AppException.badRequest('staff_self_change');
    const before = await this.find(id);
    const row = (await this.staff.update(id, { status })) ?? before;
    const ended = status === 'disabled' ? await this.sessions.endAllSessionsOfStaff(id) : 0;
    await this.audit.byStaff(auth, meta, {
      action: status === 'disabled' ? 'staff.member_disabled' : 'staff.member_enabled',
      resourceType: 'staff',
      resourceId: id,
      details: { sessionsEnded: ended },
    });
    return toItem(row);
  }
}

function toItem(row: StaffMemberRow) {
  return {
    id: row.id,
    fullName: row.fullName,
    email: row.email,
    role: row.role,
    status: row.status,
    twoFactorEnabled: Boolean(row.totpEnabledAt),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
