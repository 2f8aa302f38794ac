export type ServiceName = 'postgres' | 'minio' | 'sftpgo' | 'mail';

export const ALL_SERVICES: readonly ServiceName[] = ['postgres', 'minio', 'sftpgo', 'mail'];

export interface PostgresEndpoint {
  /** postgres://user:pass@127.0.0.1:port/db */
  url: string;
}

export interface MinioEndpoint {
  /** http://127.0.0.1:port */
  endpoint: string;
  rootUser: string;
  rootPassword: string;
  /** Empty when an external MinIO without MINIO_CONSOLE_URL is used. */
  consoleUrl: string;
}

export interface SftpgoEndpoint {
  /** Base URL of the REST API server, e.g. http://127.0.0.1:port (API under /api/v2). */
  apiUrl: string;
  adminUser: string;
  adminPassword: string;
  sftpPort: number;
  /** FTP with explicit TLS (AUTH TLS) required. */
  ftpsPort: number;
  passivePortRange: [number, number];
}

export interface MailEndpoint {
  smtpHost: string;
  smtpPort: number;
  /** Web UI and JSON API (/api/messages) of the mail catcher. */
  webUrl: string;
}

export interface ServiceEndpoints {
  postgres?: PostgresEndpoint;
  minio?: MinioEndpoint;
  sftpgo?: SftpgoEndpoint;
  mail?: MailEndpoint;
}

export interface StartServicesOptions {
  dataDir: string;
  /** Services to start; all four when omitted. */
  only?: ServiceName[];
  log?: (line: string) => void;
}

export interface RunningServices {
  endpoints: ServiceEndpoints;
  /** Process ids of the child processes this call started (mail runs in-process). */
  pids: Partial<Record<ServiceName, number>>;
  stop(): Promise<void>;
}

export interface MailMessage {
  id: string;
  /** The From header as text, or the envelope sender when there is none. */
  from: string;
  /** Envelope recipients (lower case), which include Bcc recipients. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** When the catcher received the message (ISO 8601). */
  date: string;
}
