import { Module } from '@nestjs/common';
import { ReconcilerController } from './reconciler.controller';
import { ReconcilerCoreModule } from './reconciler-core.module';

/** Database-vs-MinIO drift: manual runs from the staff page, scheduled runs in the worker. */
@Module({
  imports: [ReconcilerCoreModule],
  controllers: [ReconcilerController],
  exports: [ReconcilerCoreModule],
})
export class ReconcilerModule {}
