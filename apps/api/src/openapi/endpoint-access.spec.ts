import { describe, expect, it } from 'vitest';
import { FEATURE_MODULES } from '../modules/modules';
import { ROLE_PERMISSIONS, STAFF_ROLE_PERMISSIONS } from '../access/permissions';
import { describeAccess, listEndpointAccess } from './endpoint-access';

const MODULES = FEATURE_MODULES;

describe('endpoint permissions', () => {
  const endpoints = listEndpointAccess(MODULES);

  it('every endpoint declares who may call it', () => {
    expect(endpoints.length).toBeGreaterThan(10);
    expect(endpoints.filter((e) => !e.access).map((e) => `${e.method} ${e.path}`)).toEqual([]);
  });

  it('matches the reviewed snapshot', async () => {
    const table = endpoints.map(
      (e) => `${e.method.padEnd(7)} ${e.path.padEnd(40)} ${describeAccess(e.access)}`,
    );
    const header = [
      '# Who can reach each endpoint. A diff here changes who can reach an endpoint:',
      '# review it as a permission change. (before-2fa): reachable before 2FA enrolment;',
      '# (no-grant): refused to staff working in the account under a grant.',
      '',
    ];
    await expect([...header, ...table, ''].join('\n')).toMatchFileSnapshot(
      './__snapshots__/endpoint-access.txt',
    );
  });

  it('matches the reviewed role matrix (PRD 4.2)', async () => {
    const lines = [
      ...Object.entries(ROLE_PERMISSIONS).map(
        ([role, perms]) => `${role}: ${[...perms].sort().join(', ') || '-'}`,
      ),
      ...Object.entries(STAFF_ROLE_PERMISSIONS).map(
        ([role, perms]) => `staff/${role}: ${[...perms].sort().join(', ') || '-'}`,
      ),
    ];
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/role-permissions.txt');
  });

  it('keeps the PRD rules: developers read only, external clients only their shared buckets, staff without grants nothing', () => {
    // Developers only read; their API tokens are bounded by those same read permissions.
    const developerWrites = ROLE_PERMISSIONS.developer.filter(
      (p) => !p.endsWith('.read') && !p.endsWith('.view'),
    );
    expect(developerWrites).toEqual(['api_token.manage']);
    expect(ROLE_PERMISSIONS.admin).not.toContain('access_key.reveal_initial');
    // External clients only list the buckets shared with them (the service narrows the list).
    expect(ROLE_PERMISSIONS.external_client).toEqual(['bucket.shared.read']);
    expect(STAFF_ROLE_PERMISSIONS.support).toEqual(['staff.grants.use']);
    expect(STAFF_ROLE_PERMISSIONS.partner).toEqual(['staff.grants.use']);
  });
});
