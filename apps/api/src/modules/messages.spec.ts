import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMessageCode, translate } from '../common/messages';
import './messages';

/** Every *.messages.ts under modules/, relative to this folder, without the extension. */
function catalogFiles(dir = __dirname, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return catalogFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`);
    return entry.name.endsWith('.messages.ts') ? [`${prefix}${entry.name.slice(0, -3)}`] : [];
  });
}

describe('message catalogs', () => {
  it('modules/messages.ts loads every feature catalog', () => {
    const loaded = [
      ...fs.readFileSync(path.join(__dirname, 'messages.ts'), 'utf8').matchAll(/import '\.\/(.+)';/g),
    ].map((m) => m[1]);
    expect(loaded.sort()).toEqual(catalogFiles().sort());
  });

  it('translates a feature code in both languages, and a core one', () => {
    expect(isMessageCode('team_invitation_open')).toBe(true);
    expect(translate('team_invitation_open', 'pt-BR')).toMatch(/^Já existe um convite pendente/);
    expect(translate('team_invitation_open', 'en')).toMatch(/invitation/i);
    expect(translate('rate_limited', 'en', { seconds: 7 })).toBe(
      'Too many requests. Wait 7 seconds and try again.',
    );
    expect(isMessageCode('no_such_code')).toBe(false);
  });
});
