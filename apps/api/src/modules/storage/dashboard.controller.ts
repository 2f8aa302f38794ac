import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint } from '../../common/endpoint.decorator';
import { Authenticated, CurrentAccount } from '../../access/access.decorators';
import type { AccountAuth } from '../../access/auth.types';
import { Permission } from '../../access/permissions';
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
  get(@CurrentAccount() auth: AccountAuth) {
    return this.dashboard.get(auth.accountId);
  }
}
