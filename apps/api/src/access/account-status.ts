import type { MessageCode } from '../common/messages';
import type { AccountStatus } from './permissions';

/** Which account states may use the portal; null means allowed. */
export function accountAccessError(status: AccountStatus): MessageCode | null {
  switch (status) {
    case 'active':
    case 'read_only':
      return null;
    case 'pending_approval':
      return 'account_pending';
    case 'rejected':
      return 'account_rejected';
    case 'suspended':
      return 'account_suspended';
    case 'canceled':
      return 'account_canceled';
  }
}
