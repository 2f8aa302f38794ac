#!/usr/bin/env node
// `npm test`: every test tier, from a fresh clone. Installs what it needs itself.
//   unit         pure logic, no services
//   integration  real PostgreSQL, MinIO, SFTPGo and SMTP started for the run
//   e2e          the whole platform (API, worker, web) driven in Debian's chromium
// Pass tier names to run only some: `npm test -- unit integration`.
import {
  buildWorkspaces,
  ensureDependencies,
  ensureGoServices,
  ensureSystemPrograms,
  log,
  run,
} from './lib/prepare.mjs';

const tiers = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (tier) => tiers.length === 0 || tiers.includes(tier);

ensureSystemPrograms(['unit', 'integration', 'e2e'].filter(wanted));
ensureDependencies();
if (wanted('integration') || wanted('e2e')) ensureGoServices();
buildWorkspaces({ web: wanted('e2e') });

const results = [];
function tier(name, command) {
  if (!wanted(name)) return;
  log(`tier: ${name}`);
  const started = Date.now();
  run(command);
  results.push(`${name} passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

tier('unit', 'npx vitest run --project unit');
tier('integration', 'npx vitest run --project integration');
if (wanted('e2e')) {
  tier('e2e', 'npx vitest run --project e2e');
}
log(results.join('; '));
