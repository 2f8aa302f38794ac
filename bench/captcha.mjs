/* global performance, crypto */
// How long the login captcha's proof of work takes in a real browser (Debian's chromium, headless),
// with the web app's own solver (apps/web/src/lib/pow.ts): `node bench/captcha.mjs [bits,...]`.
// Prints the median and p90 solve time per difficulty and the hash rate. CAPTCHA_DIFFICULTY (API)
// should keep the median near one second on the machines customers use.
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const difficulties = (process.argv[2] ?? '16,18,20').split(',').map(Number);
const samples = Number(process.env.SAMPLES ?? 12);
const bundle = (
  await build({
    entryPoints: ['apps/web/src/lib/pow.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'Pow',
  })
).outputFiles[0].text;
// WebCrypto and timers behave as on the real site only in a secure context: serve a blank page on loopback.
const server = createServer((_, res) => res.end('<!doctype html><title>pow</title>')).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.addScriptTag({ content: bundle });
  for (const difficulty of difficulties) {
    const result = await page.evaluate(
      async ({ difficulty, samples }) => {
        const times = [];
        let hashes = 0;
        const started = performance.now();
        for (let i = 0; i < samples; i++) {
          const prefix = crypto.randomUUID().replace(/-/g, '').slice(0, 22);
          const t = performance.now();
          const nonce = await globalThis.Pow.solvePow(prefix, difficulty);
          hashes += parseInt(nonce, 36) + 1;
          times.push(performance.now() - t);
        }
        return { times, rate: hashes / ((performance.now() - started) / 1000) };
      },
      { difficulty, samples },
    );
    const t = result.times.sort((a, b) => a - b);
    const at = (q) => Math.round(t[Math.min(t.length - 1, Math.floor(q * t.length))]);
    console.log(
      `${difficulty} bits: median ${at(0.5)} ms, p90 ${at(0.9)} ms, ${Math.round(result.rate / 1000)}k SHA-256/s (expected ${2 ** difficulty} hashes)`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
