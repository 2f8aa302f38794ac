import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@csp/db';
import { InjectDb } from '../../database/database.module';
import { Endpoint } from '../../common/endpoint.decorator';
import { Public } from '../identity/auth.decorators';

const HealthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok') });

@ApiTags('health')
@Controller('api/v1/health')
export class HealthController {
  constructor(@InjectDb() private readonly db: Database) {}

  @Get()
  @Public()
  @Endpoint({ operationId: 'health', summary: 'Liveness with a database round trip', response: HealthSchema })
  async health() {
    await this.db.execute(sql`select 1`);
    return { status: 'ok' as const, database: 'ok' as const };
  }
}
