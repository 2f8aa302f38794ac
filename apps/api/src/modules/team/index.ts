/** The team domain's public entry: other domains and the app import only what is listed here. */
export { TeamModule } from './team.module';
