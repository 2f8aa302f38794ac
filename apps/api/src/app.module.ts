import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AppExceptionFilter } from './common/app-exception.filter';
import { ValidationInterceptor } from './common/validation.interceptor';
import { ResponseValidationInterceptor } from './common/response-validation.interceptor';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuthGuard } from './access/auth.guard';
import { GrantAuditInterceptor } from './modules/grants';
import { FEATURE_MODULES, SharedModule } from './modules/modules';

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, SharedModule, ...FEATURE_MODULES],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        // First, so it also records requests that fail validation.
        { provide: APP_INTERCEPTOR, useClass: GrantAuditInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ValidationInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ResponseValidationInterceptor },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
      ],
    };
  }
}
