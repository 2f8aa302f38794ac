import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint } from '../../common/endpoint.decorator';
import { Authenticated, CurrentUser } from '../identity/auth.decorators';
import type { UserAuth } from '../identity/auth.types';
import { Permission } from '../identity/permissions';
import { DashboardSchema } from './storage.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller('api/v1/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Authenticated({ permission: Permission.DashboardView })
  @Endpoint({
    operationId: 'getDashboard',
    summary: 'Storage used (from MinIO) against the account quota',
    response: DashboardSchema,
  })
  get(@CurrentUser() auth: UserAuth) {
    return this.dashboard.get(auth.accountId);
  }
}
