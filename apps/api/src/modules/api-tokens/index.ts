/** The api-tokens domain's public entry: other domains and the app import only what is listed here. */
export { ApiTokensModule } from './api-tokens.module';
export { ApiTokensService } from './api-tokens.service';
