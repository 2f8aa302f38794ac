// Credential files offered for download in the one-time secret modal (PRD F4.2). Generated in the
// browser so the secret never travels again; pure functions so they can be tested.

export interface S3Credentials {
  brandName: string;
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface CredentialFile {
  filename: string;
  mimeType: string;
  content: string;
}

// Browsers drop a leading dot from downloaded names and append ".txt" to extension-less text/plain
// files, so the dotenv file is named "<profile>.env" and the AWS files are served as octet-stream
// (they keep the exact names "credentials" and "config" that ~/.aws/ expects).
const RAW = 'application/octet-stream';

/** "CloudStorage Pro" -> "cloudstoragepro": the AWS profile name and file name prefix. */
export function profileName(brandName: string): string {
  const slug = brandName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return slug || 'default';
}

/** Quotes a dotenv value only when it holds characters a dotenv parser could misread. */
function envValue(value: string): string {
  if (/^[A-Za-z0-9_\-./:+=@]*$/.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Single-line comment text: no line breaks can sneak into a config file. */
function commentText(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

export function envFile(c: S3Credentials): CredentialFile {
  const lines = [
    `# ${commentText(c.brandName)} - S3 Credentials`,
    `S3_ENDPOINT=${envValue(c.endpoint)}`,
    `S3_REGION=${envValue(c.region)}`,
    `S3_ACCESS_KEY_ID=${envValue(c.accessKeyId)}`,
    `S3_SECRET_ACCESS_KEY=${envValue(c.secretAccessKey)}`,
    '',
    '# Same credentials under the names the AWS SDKs and CLI read',
    `AWS_ACCESS_KEY_ID=${envValue(c.accessKeyId)}`,
    `AWS_SECRET_ACCESS_KEY=${envValue(c.secretAccessKey)}`,
    `AWS_REGION=${envValue(c.region)}`,
    `AWS_ENDPOINT_URL=${envValue(c.endpoint)}`,
  ];
  return { filename: `${profileName(c.brandName)}.env`, mimeType: RAW, content: lines.join('\n') + '\n' };
}

export function credentialsJson(c: S3Credentials): CredentialFile {
  const body = {
    provider: c.brandName,
    endpoint: c.endpoint,
    region: c.region,
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
  };
  return {
    filename: 'credentials.json',
    mimeType: 'application/json',
    content: JSON.stringify(body, null, 2) + '\n',
  };
}

/** ~/.aws/credentials: the profile section is named without the "profile " prefix. */
export function awsCredentialsFile(c: S3Credentials): CredentialFile {
  const lines = [
    `[${profileName(c.brandName)}]`,
    `aws_access_key_id = ${c.accessKeyId}`,
    `aws_secret_access_key = ${c.secretAccessKey}`,
  ];
  return { filename: 'credentials', mimeType: RAW, content: lines.join('\n') + '\n' };
}

/**
 * ~/.aws/config: here named profiles are "[profile name]". endpoint_url in the config file needs
 * AWS CLI >= 2.13 / recent SDKs; older tools need --endpoint-url. Path-style addressing because
 * the storage is not reached through per-bucket host names.
 */
export function awsConfigFile(c: S3Credentials): CredentialFile {
  const lines = [
    `# endpoint_url here needs AWS CLI >= 2.13 or a recent SDK. Older versions ignore it: pass`,
    `# --endpoint-url ${commentText(c.endpoint)} on every command.`,
    `[profile ${profileName(c.brandName)}]`,
    `region = ${c.region}`,
    `endpoint_url = ${c.endpoint}`,
    's3 =',
    '  addressing_style = path',
  ];
  return { filename: 'config', mimeType: RAW, content: lines.join('\n') + '\n' };
}

/** rclone wants remote names of letters, digits, "-", "_", "." and spaces; the profile slug is. */
function iniValue(value: string): string {
  return value.replace(/[\r\n]+/g, '');
}

/**
 * An rclone remote (append to ~/.config/rclone/rclone.conf, or pass with --config). Paths are
 * "<remote>:<bucket>/<path>". no_check_bucket: keys cannot create buckets (the platform does), so
 * rclone must not try to before uploading.
 */
export function rcloneConfigFile(c: S3Credentials): CredentialFile {
  const remote = profileName(c.brandName);
  const lines = [
    `# ${commentText(c.brandName)} - rclone remote. Append to ~/.config/rclone/rclone.conf`,
    `# and use it as ${remote}:<bucket>/<path>, e.g. rclone lsf ${remote}:<bucket>`,
    `[${remote}]`,
    'type = s3',
    'provider = Minio',
    `access_key_id = ${iniValue(c.accessKeyId)}`,
    `secret_access_key = ${iniValue(c.secretAccessKey)}`,
    `endpoint = ${iniValue(c.endpoint)}`,
    `region = ${iniValue(c.region)}`,
    'force_path_style = true',
    'no_check_bucket = true',
  ];
  return { filename: 'rclone.conf', mimeType: RAW, content: lines.join('\n') + '\n' };
}

/** Bucket placeholder of the restic file when no bucket was chosen. */
export const RESTIC_BUCKET_PLACEHOLDER = 'BUCKET_NAME';

/**
 * restic's environment (KEY=value lines: a systemd EnvironmentFile, `docker --env-file`, or
 * `set -a; . ./restic.env; set +a` in a shell). The repository password is the customer's own:
 * only a commented placeholder, we never see it.
 */
export function resticEnvFile(c: S3Credentials, bucket?: string | null): CredentialFile {
  const endpoint = c.endpoint.replace(/\/+$/, '');
  const target = bucket?.trim() || RESTIC_BUCKET_PLACEHOLDER;
  const lines = [
    `# ${commentText(c.brandName)} - restic repository settings.`,
    '# Load in a shell with: set -a; . ./restic.env; set +a',
    ...(bucket?.trim() ? [] : [`# Replace ${RESTIC_BUCKET_PLACEHOLDER} with one of your buckets.`]),
    `RESTIC_REPOSITORY=${envValue(`s3:${endpoint}/${target}`)}`,
    `AWS_ACCESS_KEY_ID=${envValue(c.accessKeyId)}`,
    `AWS_SECRET_ACCESS_KEY=${envValue(c.secretAccessKey)}`,
    `AWS_DEFAULT_REGION=${envValue(c.region)}`,
    '',
    '# The repository password is yours alone: we never see it, and without it the backups cannot',
    '# be read. Keep it somewhere safe, then set it here or point RESTIC_PASSWORD_FILE to a file.',
    '# RESTIC_PASSWORD=',
  ];
  return { filename: 'restic.env', mimeType: RAW, content: lines.join('\n') + '\n' };
}
