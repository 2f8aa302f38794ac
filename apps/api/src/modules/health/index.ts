/** The health domain's public entry: other domains and the app import only what is listed here. */
export { HealthModule } from './health.module';
