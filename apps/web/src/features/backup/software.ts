// The backup programs the setup page has guides for (PRD F6.1: tier 1 has dedicated tutorials).

export const SOFTWARE = [
  'imperius',
  'veeam',
  'acronis',
  'duplicati',
  'restic',
  'rclone',
  'msp360',
  'comet',
  'other',
] as const;
export type Software = (typeof SOFTWARE)[number];

export const TIER_ONE: ReadonlySet<Software> = new Set(['imperius', 'veeam', 'acronis']);

export type DownloadKind = 'imperius' | 'rclone' | 'restic' | 'awsCredentials' | 'awsConfig';

/** The file a program reads directly comes first and is the highlighted download. */
export const PRIMARY_DOWNLOADS: Partial<Record<Software, DownloadKind[]>> = {
  imperius: ['imperius'],
  rclone: ['rclone'],
  restic: ['restic'],
  other: ['awsCredentials', 'awsConfig'],
};

export interface GuideValues {
  endpoint: string;
  host: string;
  port: number;
  tls: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  brand: string;
  remote: string;
}

/** Shell commands shown under the guide (not translated: they are what one types). */
export function guideCommands(software: Software, v: GuideValues): string[] {
  switch (software) {
    case 'rclone':
      return [
        `rclone lsf ${v.remote}:${v.bucket}`,
        `rclone sync /var/backups ${v.remote}:${v.bucket}/$(hostname)`,
      ];
    case 'restic':
      return [
        'set -a; . ./restic.env; set +a',
        'export RESTIC_PASSWORD_FILE=/root/.restic-password',
        'restic init',
        'restic backup /etc /var/www',
        'restic snapshots',
      ];
    case 'other':
      return [
        `aws --profile ${v.remote} s3 ls s3://${v.bucket}`,
        `aws --endpoint-url ${v.endpoint} --region ${v.region} s3 cp ./backup.tar.gz s3://${v.bucket}/`,
      ];
    default:
      return [];
  }
}
