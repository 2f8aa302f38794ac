import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Endpoint } from '../../common/endpoint.decorator';
import { Public } from '../../access/access.decorators';
import { HealthRepository } from './health.repository';

const HealthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok') });

@ApiTags('health')
@Controller('api/v1/health')
export class HealthController {
  constructor(private readonly database: HealthRepository) {}

  @Get()
  @Public()
  @Endpoint({ operationId: 'health', summary: 'Liveness with a database round trip', response: HealthSchema })
  async health() {
    await this.database.ping();
    return { status: 'ok' as const, database: 'ok' as const };
  }
}
