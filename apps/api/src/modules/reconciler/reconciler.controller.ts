import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Endpoint } from '../../common/endpoint.decorator';
import { IdPipe } from '../../common/id.pipe';
import { CurrentStaff, StaffAuthenticated } from '../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../common/request-meta';
import type { StaffAuth } from '../../access/auth.types';
import { StaffPermission } from '../../access/permissions';
import { RunDetailSchema, RunListQuerySchema, RunPageSchema, StartRunSchema } from './reconciler.dto';
import { ReconcilerService } from './reconciler.service';

@ApiTags('staff')
@Controller('api/v1/staff/reconciler/runs')
export class ReconcilerController {
  constructor(private readonly reconciler: ReconcilerService) {}

  @Post()
  @StaffAuthenticated({ permission: StaffPermission.ReconcilerRun })
  @Endpoint({
    operationId: 'staffRunReconciler',
    summary:
      'Compare the database with MinIO now and answer the run with its findings; repair: true also fixes what is repairable',
    body: StartRunSchema,
    response: RunDetailSchema,
    status: 201,
    errors: [400, 409],
  })
  run(
    @CurrentStaff() staff: StaffAuth,
    @Body() body: z.infer<typeof StartRunSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.reconciler.runManual(staff, body.repair, meta);
  }

  @Get()
  @StaffAuthenticated({ permission: StaffPermission.ReconcilerRun })
  @Endpoint({
    operationId: 'staffListReconcilerRuns',
    summary: 'Reconciler runs (manual and scheduled), newest first',
    query: RunListQuerySchema,
    response: RunPageSchema,
  })
  list(@Query() query: z.infer<typeof RunListQuerySchema>) {
    return this.reconciler.list(query);
  }

  @Get(':id')
  @StaffAuthenticated({ permission: StaffPermission.ReconcilerRun })
  @Endpoint({
    operationId: 'staffGetReconcilerRun',
    summary: 'One reconciler run with its findings',
    response: RunDetailSchema,
    errors: [404],
  })
  get(@Param('id', IdPipe) id: string) {
    return this.reconciler.detail(id);
  }
}
