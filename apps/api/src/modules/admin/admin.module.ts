import { Module } from '@nestjs/common';
import { StorageCoreModule } from '../storage';
import { AccountReviewController } from './account-review.controller';
import { AccountReviewRepository } from './account-review.repository';
import { AccountReviewService } from './account-review.service';

@Module({
  imports: [StorageCoreModule],
  controllers: [AccountReviewController],
  providers: [AccountReviewService, AccountReviewRepository],
})
export class AdminModule {}
