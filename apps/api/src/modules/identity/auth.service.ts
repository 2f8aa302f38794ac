import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/app-exception';
import { RateLimitService } from '../../common/rate-limit.service';
import { AuditService } from '../audit/audit.service';
import { accountAccessError } from './account-access';
import type { RequestMeta } from './auth.decorators';
import { IdentityRepository } from './identity.repository';
import { burnPasswordCheck, verifyPassword } from './password';
import { SessionService } from './session.service';
import type { Me } from './identity.dto';

@Injectable()
export class AuthService {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly sessions: SessionService,
    private readonly rateLimits: RateLimitService,
    private readonly audit: AuditService,
  ) {}

  /** Unknown e-mail and wrong password answer alike, after the same hashing work. */
  async loginUser(email: string, password: string, remember: boolean, meta: RequestMeta) {
    await this.rateLimits.hit(`login:ip:${meta.ip}`, 30, 600);
    const row = await this.identities.findUserByEmail(email);
    if (!row) {
      await burnPasswordCheck(password);
      throw AppException.unauthorized('invalid_credentials');
    }
    if (!(await verifyPassword(row.user.passwordHash, password))) {
      await this.audit.record({
        accountId: row.account.id,
        actor: { type: 'anonymous' },
        action: 'auth.login_failed',
        resourceType: 'user',
        resourceId: row.user.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      throw AppException.unauthorized('invalid_credentials');
    }
    // Only now, with the password proven, may the answer say something about the account.
    if (row.user.status !== 'active') throw AppException.forbidden('user_disabled');
    const accountError = accountAccessError(row.account.status);
    if (accountError) throw AppException.forbidden(accountError);

    const session = await this.sessions.start({ userId: row.user.id }, meta, remember);
    await this.identities.recordUserLogin(row.user.id);
    await this.audit.record({
      accountId: row.account.id,
      actor: { type: 'user', id: row.user.id },
      action: 'auth.login',
      resourceType: 'user',
      resourceId: row.user.id,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return { session, me: toMe(row) };
  }

  async me(userId: string, accountId: string): Promise<Me> {
    const row = await this.identities.findUserWithAccount(userId, accountId);
    if (!row) throw AppException.unauthorized();
    return toMe(row);
  }

  async loginStaff(email: string, password: string, meta: RequestMeta) {
    await this.rateLimits.hit(`staff-login:ip:${meta.ip}`, 20, 600);
    const staff = await this.identities.findStaffByEmail(email);
    if (!staff) {
      await burnPasswordCheck(password);
      throw AppException.unauthorized('invalid_credentials');
    }
    if (!(await verifyPassword(staff.passwordHash, password)) || staff.status !== 'active') {
      await this.audit.record({
        actor: { type: 'anonymous' },
        action: 'staff.login_failed',
        resourceType: 'staff',
        resourceId: staff.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      throw AppException.unauthorized('invalid_credentials');
    }
    const session = await this.sessions.start({ staffId: staff.id }, meta, false);
    await this.identities.recordStaffLogin(staff.id);
    await this.audit.record({
      actor: { type: 'staff', id: staff.id },
      action: 'staff.login',
      resourceType: 'staff',
      resourceId: staff.id,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return { session, staff: toStaff(staff) };
  }

  async staffMe(staffId: string) {
    const staff = await this.identities.findStaff(staffId);
    if (!staff) throw AppException.unauthorized();
    return toStaff(staff);
  }
}

function toMe(row: {
  user: { id: string; fullName: string; email: string; role: Me['user']['role'] };
  account: { id: string; name: string; status: Me['account']['status'] };
}): Me {
  return {
    user: { id: row.user.id, fullName: row.user.fullName, email: row.user.email, role: row.user.role },
    account: { id: row.account.id, name: row.account.name, status: row.account.status },
  };
}

function toStaff(staff: {
  id: string;
  fullName: string;
  email: string;
  role: 'super_admin' | 'support' | 'partner';
}) {
  return { staff: { id: staff.id, fullName: staff.fullName, email: staff.email, role: staff.role } };
}
