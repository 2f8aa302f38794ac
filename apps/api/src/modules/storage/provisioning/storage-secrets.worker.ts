import { Injectable, Logger } from '@nestjs/common';
import { StorageCredentialsRepository } from '../objects/storage-credentials.repository';
import { StorageUserSecretService } from './storage-user-secret.service';
import { JobQueueService, QUEUES } from '../../../jobs/job-queue.service';

/** How long the record of an expired temporary credential is kept (metering reads it meanwhile). */
const CREDENTIAL_RECORD_DAYS = 35;
/** Unfinished multipart uploads' announced sizes are kept this long. */
const UPLOAD_RECORD_DAYS = 8;

/**
 * The storage users' kept secrets: at start and every 10 minutes, every provisioned user the
 * platform holds no confirmed secret for (users made before secrets were kept, or a re-key cut
 * short) gets a new one; records of long-expired temporary credentials and abandoned uploads are dropped.
 */
@Injectable()
export class StorageSecretsWorker {
  private readonly logger = new Logger('StorageSecrets');

  constructor(
    private readonly jobs: JobQueueService,
    private readonly secrets: StorageUserSecretService,
    private readonly credentials: StorageCredentialsRepository,
  ) {}

  async start() {
    const boss = await this.jobs.boss({ consumer: true });
    await boss.schedule(QUEUES.storageSecrets, '*/10 * * * *', {});
    await boss.work(QUEUES.storageSecrets, () => this.run());
    await boss.send(QUEUES.storageSecrets, {}, { singletonKey: 'startup', singletonSeconds: 60 });
  }

  async run() {
    const result = await this.secrets.rekeyUsersWithoutSecret();
    if (result.rekeyed + result.failed > 0)
      this.logger.log(`${result.rekeyed} storage user(s) re-keyed, ${result.failed} left for the next run`);
    await this.credentials.pruneCredentials(CREDENTIAL_RECORD_DAYS);
    await this.credentials.pruneUploads(UPLOAD_RECORD_DAYS);
    if (result.failed > 0) throw new Error(`${result.failed} storage user(s) could not be re-keyed`);
  }
}
