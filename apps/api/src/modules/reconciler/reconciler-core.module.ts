import { Module } from '@nestjs/common';
import { StorageCoreModule } from '../storage';
import { ReconcilerRepository } from './reconciler.repository';
import { ReconcilerService } from './reconciler.service';

/** The reconciler without HTTP: the staff page's module and the worker's schedule both import it. */
@Module({
  imports: [StorageCoreModule],
  providers: [ReconcilerRepository, ReconcilerService],
  exports: [ReconcilerService],
})
export class ReconcilerCoreModule {}
