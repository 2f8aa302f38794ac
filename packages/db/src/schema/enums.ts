/** Every PostgreSQL enum of the schema: the one source of role, status and kind lists (the API derives its lists from these). */
import { pgEnum } from 'drizzle-orm/pg-core';

export const accountStatus = pgEnum('account_status', [
  'pending_approval',
  'active',
  'read_only',
  'suspended',
  'rejected',
  'canceled',
]);

export const documentType = pgEnum('document_type', ['cpf', 'cnpj']);

export const userRole = pgEnum('user_role', ['owner', 'admin', 'developer', 'external_client']);

export const userStatus = pgEnum('user_status', ['active', 'disabled']);

export const staffRole = pgEnum('staff_role', ['super_admin', 'support', 'partner']);

export const objectLockMode = pgEnum('object_lock_mode', ['governance', 'compliance']);

export const quotaRequestStatus = pgEnum('quota_request_status', [
  'pending',
  'approved',
  'rejected',
  'canceled',
]);

export const accessKeyStatus = pgEnum('access_key_status', ['active', 'inactive', 'expired', 'revoked']);

export const subjectType = pgEnum('subject_type', ['user', 'staff']);

export const bucketAccessLevel = pgEnum('bucket_access_level', ['read', 'full']);

export const grantKind = pgEnum('grant_kind', ['support', 'partner']);

export const grantScope = pgEnum('grant_scope', ['read', 'full']);
