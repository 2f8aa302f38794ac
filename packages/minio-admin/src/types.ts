export interface MinioAdminClientOptions {
  /** Base URL of the MinIO server, e.g. `http://127.0.0.1:9000`. */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  /** SigV4 region; MinIO does not check it. Default `us-east-1`. */
  region?: string;
  /** Admin API version path segment. Default `v3` (the community server answers v4 with 426). */
  apiVersion?: string;
  /** Per-request timeout in milliseconds. Default 30000. */
  timeoutMs?: number;
}

export type UserStatus = 'enabled' | 'disabled';

export interface UserInfo {
  status: UserStatus;
  /** Comma-separated names of the policies attached directly to the user, if any. */
  policyName?: string;
  memberOf?: string[];
  updatedAt?: Date;
}

export interface IamPolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface IamPolicyDocument {
  Version: string;
  Statement: IamPolicyStatement[];
}

export interface CannedPolicyInfo {
  name: string;
  policy: IamPolicyDocument;
  createDate?: Date;
  updateDate?: Date;
}

export interface PolicyAssociationRequest {
  user: string;
  policies: string[];
}

export interface PolicyAssociationResult {
  policiesAttached: string[];
  policiesDetached: string[];
  updatedAt?: Date;
  /** True when MinIO reported XMinioAdminPolicyChangeAlreadyApplied (nothing changed). */
  alreadyApplied: boolean;
}

export interface AddServiceAccountRequest {
  /** Parent user; the service account inherits (at most) its policies. */
  targetUser: string;
  /** Chosen access key; MinIO generates one when absent. */
  accessKey?: string;
  secretKey?: string;
  /** Inline policy; MinIO intersects it with the parent's policies (it can only narrow). <= 4096 bytes. */
  policy?: IamPolicyDocument;
  /** <= 32 chars, `^[a-zA-Z][a-zA-Z0-9_-]*`. */
  name?: string;
  description?: string;
  expiration?: Date;
}

export interface ServiceAccountCredentials {
  accessKey: string;
  secretKey: string;
  /** Absent when the key never expires. */
  expiration?: Date;
}

export type ServiceAccountStatus = 'on' | 'off';

export interface UpdateServiceAccountRequest {
  newStatus?: ServiceAccountStatus;
  newPolicy?: IamPolicyDocument;
  newSecretKey?: string;
  newExpiration?: Date;
  newName?: string;
  newDescription?: string;
}

export interface ServiceAccountSummary {
  accessKey: string;
  parentUser: string;
  accountStatus: ServiceAccountStatus;
  /** True when the account has no inline policy and simply uses its parent's policies. */
  impliedPolicy: boolean;
  name?: string;
  description?: string;
  expiration?: Date;
}

export interface ServiceAccountInfo extends Omit<ServiceAccountSummary, 'accessKey'> {
  parentUserStatus?: string;
  /** The effective policy document MinIO reports (the parent's when impliedPolicy). */
  policy?: IamPolicyDocument;
}

export interface BucketQuota {
  /** Hard limit in bytes. */
  size: number;
  quotaType: 'hard';
}

export interface BucketUsageInfo {
  /** Bytes of all versions. */
  size: number;
  objectsCount: number;
  versionsCount: number;
  deleteMarkersCount: number;
}

export interface DataUsageInfo {
  /** When the scanner last refreshed these numbers (they lag behind writes). */
  lastUpdate: Date;
  objectsCount: number;
  objectsTotalSize: number;
  bucketsCount: number;
  bucketsUsageInfo: Record<string, BucketUsageInfo>;
}

export interface ServerProperties {
  state?: string;
  endpoint?: string;
  version?: string;
  commitID?: string;
  uptime?: number;
  [key: string]: unknown;
}

/** Subset of MinIO's InfoMessage; other fields are kept as received. */
export interface ServerInfo {
  mode?: string;
  deploymentID?: string;
  region?: string;
  buckets?: { count: number };
  objects?: { count: number };
  usage?: { size: number };
  servers?: ServerProperties[];
  [key: string]: unknown;
}
