import { Module } from '@nestjs/common';
import { StorageCoreModule } from '../storage';
import { ReconcilerController } from './reconciler.controller';
import { ReconcilerRepository } from './reconciler.repository';
import { ReconcilerService } from './reconciler.service';

/** Database-vs-MinIO drift: manual runs from the staff page, scheduled runs in the worker. */
@Module({
  imports: [StorageCoreModule],
  controllers: [ReconcilerController],
  providers: [ReconcilerRepository, ReconcilerService],
  exports: [ReconcilerService],
})
export class ReconcilerModule {}
