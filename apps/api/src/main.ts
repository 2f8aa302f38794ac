import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { loadConfig } from './config/config';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  new Logger('API').log(`listening on http://${config.API_HOST}:${config.API_PORT}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
