/** The admin domain's public entry: other domains and the app import only what is listed here. */
export { AdminModule } from './admin.module';
