// Prints size and speed figures for the built site (run `npm run build` first): the JavaScript
// a reader downloads before the map starts loading, the map's own cost, the data, and timings
// in headless Chromium. Figures, not pass/fail: these machines are shared and noisy.
// Usage: node scripts/bench.js [runs]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './serve.js';

const runs = Number(process.argv[2] ?? 3);
const gz = (/** @type {string} */ file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;

// 1. JavaScript referenced by the prerendered page: what loads before the map's dynamic import.
const html = readFileSync('build/index.html', 'utf8');
const early = [...new Set([...html.matchAll(/(?:href|import\()\s*=?\s*"(\.?\/?_app\/[^"]+\.js)"/g)].map((m) => m[1].replace(/^\.?\//, '')))];
const earlyGzip = early.reduce((sum, f) => sum + gz(join('build', f)), 0);

// 2. Everything else under _app: the lazily loaded map code (MapLibre, its worker, the style).
/** @type {string[]} */
const all = [];
const walk = (/** @type {string} */ dir) => readdirSync(dir).forEach((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : all.push(join(dir, n))));
walk('build/_app');
const lazy = all.filter((f) => /\.(m?js)$/.test(f) && !early.includes(f.replace(/^build\//, '')));
const data = readdirSync('build/data').map((n) => join('build/data', n));

console.log(`JavaScript before the map (gzip): ${kb(earlyGzip)} in ${early.length} files`);
console.log(`JavaScript loaded later for the map (gzip): ${kb(lazy.reduce((s, f) => s + gz(f), 0))} in ${lazy.length} files`);
console.log(`Map data (gzip): ${kb(data.reduce((s, f) => s + gz(f), 0))} in ${data.length} files`);
console.log(`HTML of the story (gzip): ${kb(gz('build/index.html'))}`);

// 3. Timings in Chromium (SwiftShader WebGL: a slow software GPU, so the map figures are upper bounds).
const server = await serve('build', 0);
const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader']
});
const samples = { fcp: /** @type {number[]} */ ([]), mapReady: /** @type {number[]} */ ([]) };
for (let i = 0; i < runs; i++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('[data-map-state="ready"][data-camera]', { timeout: 60_000 });
  const t = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    now: performance.now()
  }));
  samples.fcp.push(t.fcp);
  samples.mapReady.push(t.now);
  await page.close();
}
// 4. What an embedded section costs its host: everything /embed/<section> loads.
const embedPage = await browser.newPage({ viewport: { width: 720, height: 800 } });
const bodies = /** @type {Promise<Buffer>[]} */ ([]);
embedPage.on('response', (r) => bodies.push(r.body().catch(() => Buffer.alloc(0))));
await embedPage.goto(`http://127.0.0.1:${port}/embed/bering-strait`);
await embedPage.waitForSelector('[data-map-state="ready"][data-camera]', { timeout: 60_000 });
const loaded = await Promise.all(bodies);
const raw = loaded.reduce((n, b) => n + b.length, 0);
const zipped = loaded.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
console.log(`Embed page /embed/bering-strait until its map is ready: ${loaded.length} requests, ${kb(raw)} raw, ${kb(zipped)} gzip`);
await browser.close();
server.close();
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`First contentful paint, median of ${runs}: ${median(samples.fcp).toFixed(0)} ms`);
console.log(`Map ready with its first view, median of ${runs}: ${median(samples.mapReady).toFixed(0)} ms (software WebGL)`);
