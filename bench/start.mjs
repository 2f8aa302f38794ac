#!/usr/bin/env node
// `npm run bench:start`: how long `npm start` takes to be up, cold and warm.
//
// Runs scripts/start.mjs twice on a fresh data directory: the first run builds what is missing or
// out of date and initialises the data (PostgreSQL cluster, MinIO, SFTPGo, migrations); the second
// changes nothing, so it is the warm start a developer sees after Ctrl-C. Each figure is the time
// from spawning the process to its "CloudStorage Pro is running." line (every service, the API,
// the worker and the web answering). Target for the warm start: <= 30 s.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log, root } from '../scripts/lib/prepare.mjs';

const READY = 'CloudStorage Pro is running.';
const TIMEOUT_MS = 15 * 60_000;

function startOnce(dataDir, label) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      env: { ...process.env, CSP_DATA_DIR: dataDir, PORT: '', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const lines = [];
    const timer = setTimeout(
      () => finish(new Error(`${label}: not up after ${TIMEOUT_MS / 1000} s`)),
      TIMEOUT_MS,
    );
    let done = false;
    const finish = (error, seconds) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // Stop it the way a developer does (Ctrl-C), and wait until everything has exited.
      child.once('exit', () =>
        error ? reject(error) : resolve({ seconds, builds: lines.filter((l) => /building @csp/.test(l)) }),
      );
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch {
        /* already gone */
      }
    };
    const onData = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        lines.push(line);
        if (line.includes(READY)) finish(undefined, (Date.now() - started) / 1000);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        reject(new Error(`${label}: exited with ${code} before it was up:\n${lines.slice(-20).join('\n')}`));
      }
    });
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-start-'));
try {
  log('first start (fresh data directory; builds what is missing)');
  const cold = await startOnce(dataDir, 'first start');
  log('second start (nothing changed)');
  const warm = await startOnce(dataDir, 'warm start');
  console.log(`
npm start, time until "${READY}"
  first start (fresh data, ${cold.builds.length} build(s))   ${cold.seconds.toFixed(1)} s
  warm start (nothing changed, ${warm.builds.length} build(s))  ${warm.seconds.toFixed(1)} s   (target <= 30 s)
`);
  if (warm.builds.length > 0) console.log(`  the warm start rebuilt: ${warm.builds.join('; ')}`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
