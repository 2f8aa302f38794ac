import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, statusFor } from './error-status';

const FACTORY_STATUS: Record<string, number> = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  gone: 410,
};

/** Every throw site of the API that names its code literally: [file, code, status]. */
function throwSites(): Array<[string, string, number]> {
  const root = path.resolve(__dirname, '..');
  const sites: Array<[string, string, number]> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !file.endsWith('.spec.ts')) {
        const text = fs.readFileSync(file, 'utf8');
        const rel = path.relative(root, file);
        for (const m of text.matchAll(/AppException\.(\w+)\(\s*'([a-z0-9_]+)'/g))
          if (FACTORY_STATUS[m[1]]) sites.push([rel, m[2], FACTORY_STATUS[m[1]]]);
        for (const m of text.matchAll(/new AppException\(\s*(\d{3}),\s*'([a-z0-9_]+)'/g))
          sites.push([rel, m[2], Number(m[1])]);
        // S3 errors mapped to ours: `{ NoSuchUpload: [404, 'object_upload_invalid'] }`.
        for (const m of text.matchAll(/\[(\d{3}), '([a-z0-9_]+)'\]/g)) sites.push([rel, m[2], Number(m[1])]);
      }
    }
  };
  walk(root);
  return sites;
}

describe('one status per error code (error-status.ts)', () => {
  it('every code a throw site names is in the table, with the status the site passes', () => {
    const sites = throwSites();
    expect(sites.length).toBeGreaterThan(150);
    const table = ERROR_STATUS as Record<string, number | readonly number[]>;
    const wrong = sites.filter(([, code, status]) => {
      const entry = table[code];
      return entry === undefined || (typeof entry === 'number' ? entry !== status : !entry.includes(status));
    });
    expect(wrong).toEqual([]);
  });

  it('the filter answers the table’s status, keeping the thrown one only where the table allows it', () => {
    expect(statusFor('provisioning_in_progress', 502)).toBe(409);
    expect(statusFor('second_factor_invalid', 400)).toBe(400);
    expect(statusFor('second_factor_invalid', 401)).toBe(401);
    expect(statusFor('payload_invalid', 413)).toBe(413);
  });
});
