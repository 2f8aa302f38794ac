import { Injectable } from '@nestjs/common';
import { randomToken } from '../../../common/crypto';
import { IdentityRepository } from '../identity.repository';
import { passwordProblem } from '../../../common/password-policy';
import { hashPassword } from '../login/password';

/** Creates the first super admin when there is no staff member yet (start script, tests). */
@Injectable()
export class StaffBootstrapService {
  constructor(private readonly identities: IdentityRepository) {}

  /** Returns the generated password when one was made, null when staff already existed. */
  async ensureSuperAdmin(input: { email: string; fullName: string; password?: string }) {
    if ((await this.identities.countStaff()) > 0) return null;
    const password = input.password ?? `${randomToken(12)}A1`;
    const problem = passwordProblem(password);
    if (problem) throw new Error(`SUPER_ADMIN_PASSWORD rejected by the password policy: ${problem}`);
    const created = await this.identities.createStaff({
      email: input.email.toLowerCase(),
      fullName: input.fullName,
      passwordHash: await hashPassword(password),
      role: 'super_admin',
    });
    return created ? { email: created.email, password, generated: !input.password } : null;
  }
}
