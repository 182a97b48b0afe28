// How the site's cost grows with the story: builds generated stories of 10, 50 and 200 sections
// (scripts/scale-story.js) and prints, for each, the build's time, the HTML and JavaScript bytes,
// the bytes fetched before the live map shows the first view, main-thread long-task time per
// section scrolled and the page's JavaScript memory, medians of `--loads` reads (a single read's
// long-task time varies threefold here). Figures, not pass/fail (software WebGL on a shared
// machine). Usage: node scripts/bench-scale.js [--sizes 10,50,200] [--scrolled 10] [--loads 3]
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { writeScaleStory } from './scale-story.js';
import { arg, files, median, table } from './bench-common.js';
import { CHROME, CHROME_FLAGS } from './chromium.js';
import { serve } from './serve.js';

const SIZES = arg('sizes', '10,50,200').split(',').map(Number);
/** Sections scrolled through on each story: the same number for every size. */
const SCROLLED = Number(arg('scrolled', '10'));
/** Reads of each story: its figures are their medians. */
const LOADS = Number(arg('loads', '3'));

const bytes = (/** @type {string[]} */ list) => list.reduce((s, f) => s + statSync(f).size, 0);

/** Builds the story in `dir` as `npm run build` would; returns the seconds it took. */
function build(/** @type {string} */ dir) {
	const t0 = performance.now();
	for (const script of ['geodata/build.js', 'node_modules/vite/bin/vite.js']) {
		const r = spawnSync(
			process.execPath,
			script.endsWith('vite.js') ? [script, 'build'] : [script],
			{
				env: { ...process.env, STORY: dir },
				encoding: 'utf8',
				maxBuffer: 1 << 28
			}
		);
		if (r.status !== 0)
			throw new Error(`building ${dir}: ${script} exited ${r.status}\n${r.stderr}`);
	}
	return (performance.now() - t0) / 1000;
}

/** Loads the built story, as a reader who moves the pointer, and scrolls `SCROLLED` sections. */
async function read(
	/** @type {import('playwright-core').Browser} */ browser,
	/** @type {string} */ url
) {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await page.addInitScript(() => {
		const w = /** @type {any} */ (window);
		w.__long = [];
		new PerformanceObserver((l) =>
			l.getEntries().forEach((e) => w.__long.push(e.duration))
		).observe({
			type: 'longtask',
			buffered: true
		});
	});
	await page.goto(url);
	await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
	await page.mouse.move(5, 5);
	await page.waitForSelector('[data-map-state="ready"]', { state: 'attached', timeout: 120_000 });
	// Every byte the page had fetched when the live map first showed its view (compressed, as served).
	const fetched = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.concat(performance.getEntriesByType('navigation'))
			.reduce((s, e) => s + /** @type {PerformanceResourceTiming} */ (e).encodedBodySize, 0)
	);
	const ids = await page.$$eval('[data-section]', (els) => els.map((e) => e.id));
	const before = await page.evaluate(() => /** @type {any} */ (window).__long.length);
	for (const id of ids.slice(1, SCROLLED + 1)) {
		await page.evaluate(
			(id) => document.getElementById(id)?.scrollIntoView({ block: 'center' }),
			id
		);
		// The map has taken the section's view and come to rest.
		await page.waitForFunction(
			(id) =>
				document.querySelector('[data-view]')?.getAttribute('data-view') === id &&
				document.querySelector('[data-map-state="ready"]:not([data-moving])') !== null,
			id,
			{ timeout: 60_000 }
		);
	}
	const long = await page.evaluate((n) => /** @type {any} */ (window).__long.slice(n), before);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	const { metrics } = await cdp.send('Performance.getMetrics');
	await page.close();
	return {
		fetched,
		longPerSection:
			long.reduce((/** @type {number} */ s, /** @type {number} */ d) => s + d, 0) /
			Math.min(SCROLLED, ids.length - 1),
		heap: metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN
	};
}

const kib = (/** @type {number} */ n) => `${Math.round(n / 1024)} KiB`;
const rows = [
	[
		'sections',
		'build',
		'per section',
		'HTML',
		'JS (all)',
		'fetched before the first view',
		'long tasks per section scrolled',
		'JS heap'
	]
];
const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS });
for (const n of SIZES) {
	const dir = join('.cache', 'scale', `s${n}`);
	writeScaleStory(n, dir);
	console.error(`building the story of ${n} sections…`);
	const seconds = build(dir);
	const out = join(dir, 'build');
	const server = await serve(out, 0);
	const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
	/** @type {Awaited<ReturnType<typeof read>>[]} */
	const reads = [];
	for (let i = 0; i < LOADS; i++) reads.push(await read(browser, `http://127.0.0.1:${port}/`));
	server.close();
	const r = Object.fromEntries(
		/** @type {const} */ (['fetched', 'longPerSection', 'heap']).map((k) => [
			k,
			/** @type {number} */ (median(reads.map((x) => x[k])))
		])
	);
	rows.push([
		String(n),
		`${seconds.toFixed(0)} s`,
		`${(seconds / n).toFixed(1)} s`,
		kib(statSync(join(out, 'index.html')).size),
		kib(bytes(files(join(out, '_app')).filter((f) => f.endsWith('.js')))),
		kib(r.fetched),
		`${Math.round(r.longPerSection)} ms`,
		`${(r.heap / 2 ** 20).toFixed(0)} MiB`
	]);
}
await browser.close();

console.log(
	`Generated stories (scripts/scale-story.js), ${SCROLLED} sections scrolled, desktop, software WebGL, medians of ${LOADS} reads:`
);
table(rows);
