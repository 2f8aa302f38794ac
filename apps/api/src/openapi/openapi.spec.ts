import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from './generate';

const clientDir = path.resolve(__dirname, '../../../../packages/api-client');

describe('generated API contract', () => {
  it('the committed openapi.json and typed client match the code (run `npm run openapi` when this fails)', async () => {
    const fresh = await generateOpenApi();
    expect(fresh).toBe(readFileSync(path.join(clientDir, 'openapi.json'), 'utf8'));

    const dir = mkdtempSync(path.join(os.tmpdir(), 'openapi-'));
    writeFileSync(path.join(dir, 'openapi.json'), fresh);
    const bin = path.resolve(__dirname, '../../../../node_modules/openapi-typescript/bin/cli.js');
    const result = spawnSync(process.execPath, [bin, 'openapi.json', '-o', 'schema.d.ts'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'schema.d.ts'), 'utf8')).toBe(
      readFileSync(path.join(clientDir, 'src/schema.d.ts'), 'utf8'),
    );
  }, 60_000);
});
