/** The reconciler domain's public entry: other domains and the app import only what is listed here. */
export { ReconcilerModule } from './reconciler.module';
export { ReconcilerWorker, ReconcilerWorkerModule } from './reconciler.worker';
