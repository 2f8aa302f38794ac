import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApi, createApp } from '../app';
import type { AppConfig } from '../config/config';
import { loadConfig } from '../config/config';

/**
 * Writes the OpenAPI document from the controllers. Needs no running service: the config below
 * only satisfies validation, nothing connects.
 */
export async function generateOpenApi(): Promise<string> {
  const config: AppConfig = loadConfig({
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    MINIO_ENDPOINT: 'http://127.0.0.1:1',
    MINIO_ROOT_USER: 'unused',
    MINIO_ROOT_PASSWORD: 'unused-unused',
    ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
  });
  const app = await createApp(config, { logger: false });
  await app.init();
  const document = buildOpenApi(app);
  await app.close();
  return JSON.stringify(document, null, 2) + '\n';
}

if (require.main === module) {
  const out = path.resolve(__dirname, '../../../../packages/api-client/openapi.json');
  generateOpenApi()
    .then((json) => {
      writeFileSync(process.argv[2] ?? out, json);
      console.log(`wrote ${process.argv[2] ?? out}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
