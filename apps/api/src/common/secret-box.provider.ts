import { APP_CONFIG, type AppConfig } from '../config/config';
import { SecretBox } from './crypto';

export const SECRET_BOX = Symbol('SECRET_BOX');

export const secretBoxProvider = {
  provide: SECRET_BOX,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    new SecretBox(config.ENCRYPTION_KEY_ID, {
      [config.ENCRYPTION_KEY_ID]: Buffer.from(config.ENCRYPTION_KEY, 'base64'),
    }),
};
