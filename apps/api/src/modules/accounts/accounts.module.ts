import { Module } from '@nestjs/common';
import { SignupController } from './signup.controller';
import { SignupRepository } from './signup.repository';
import { SignupService } from './signup.service';

@Module({
  controllers: [SignupController],
  providers: [SignupService, SignupRepository],
})
export class AccountsModule {}
