import { APP_CONFIG, type AppConfig } from '../config/config';
import { parseOldKeys, SecretBox } from './crypto';

export const SECRET_BOX = Symbol('SECRET_BOX');

/** The current key seals; the old ones (ENCRYPTION_KEYS_OLD) only open what they sealed. */
export function secretBoxFromConfig(
  config: Pick<AppConfig, 'ENCRYPTION_KEY' | 'ENCRYPTION_KEY_ID' | 'ENCRYPTION_KEYS_OLD'>,
) {
  return new SecretBox(config.ENCRYPTION_KEY_ID, {
    ...parseOldKeys(config.ENCRYPTION_KEYS_OLD),
    [config.ENCRYPTION_KEY_ID]: Buffer.from(config.ENCRYPTION_KEY, 'base64'),
  });
}

export const secretBoxProvider = {
  provide: SECRET_BOX,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => secretBoxFromConfig(config),
};
