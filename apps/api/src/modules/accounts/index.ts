/** The accounts domain's public entry: other domains and the app import only what is listed here. */
export { AccountsModule } from './accounts.module';
export { formatDocument } from './document';
