// Prints the story's performance figures beside the peer's, measured in the same run by the shared
// yardstick (../shared/bench/measure.mjs: Lighthouse 13 and Playwright, software WebGL), with the
// ratios and the targets of issue 10; then sizes and the live map's own timing. Figures, not
// pass/fail: these machines are shared and noisy, so compare ratios, not absolute times.
// Then how the cost grows with the story (scripts/bench-scale.js), and each figure beside the
// baseline kept in scripts/bench-baseline.json (--save-baseline makes this run the baseline).
// Builds first. Usage: node scripts/bench.js [--runs 3] [--loads 3] [--no-peer] [--no-scale]
//   [--sizes 10,50,200] [--save-baseline]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { arg, files, median, table } from './bench-common.js';
import { CHROME, CHROME_FLAGS } from './chromium.js';
import { serve } from './serve.js';

const RUNS = arg('runs', '3');
const LOADS = arg('loads', '3');
const SHARED = resolve('../shared');
const BENCH = resolve('.cache/bench');
const PEER = join(SHARED, 'peer/maplibre-storymap');

/** @param {string} command @param {string[]} args @param {object} [options] */
function run(command, args, options = {}) {
	const r = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
	if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}`);
}

console.error('building…');
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
	stdio: ['ignore', 'ignore', 'inherit']
});

// ---------------------------------------------------------------- the yardstick, ours and the peer's
/** The still of the view counts as the map shown: the box is never empty from then on. */
const STILL_SHOWN =
	"(() => { const i = document.querySelector('.still img'); return !!i && i.complete && i.naturalWidth > 0; })()";

/** @typedef {{ lighthouse: Record<string, any[]>, playwright: Record<string, any[]> }} Figures */
/** @returns {Figures | null} */
function measure(
	/** @type {string} */ target,
	/** @type {string[]} */ extra,
	/** @type {string} */ out
) {
	if (!existsSync(join(SHARED, 'bench/measure.mjs'))) return null;
	if (!existsSync(join(BENCH, 'node_modules/lighthouse'))) {
		console.error('installing the yardstick in .cache/bench…');
		cpSync(join(SHARED, 'bench'), BENCH, { recursive: true });
		run('npm', ['install', '--no-audit', '--no-fund'], { cwd: BENCH });
	}
	console.error(`measuring ${target}…`);
	run(
		process.execPath,
		[
			join(BENCH, 'measure.mjs'),
			target,
			'--runs',
			RUNS,
			'--loads',
			LOADS,
			'--viewports',
			'desktop,phone',
			'--json',
			out,
			...extra
		],
		{
			env: { ...process.env, CHROME_PATH: CHROME },
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	return JSON.parse(readFileSync(out, 'utf8'));
}

const ours = measure('build', ['--ready', STILL_SHOWN], join(BENCH, 'ours.json'));
const peer =
	process.argv.includes('--no-peer') || !existsSync(PEER)
		? null
		: measure(PEER, [], join(BENCH, 'peer.json'));

const pick = (
	/** @type {Figures | null} */ f,
	/** @type {'lighthouse' | 'playwright'} */ tool,
	/** @type {string} */ group,
	/** @type {string} */ key
) => (f ? median((f[tool][group] ?? []).filter((r) => !r.error).map((r) => r[key])) : null);

/** [label, tool, group, key, unit, target for ours (or null), whether lower is better] */
const ROWS = /** @type {const} */ ([
	[
		'Lighthouse performance, desktop',
		'lighthouse',
		'desktop',
		'performance',
		'',
		(/** @type {number} */ v) => v >= 98,
		false
	],
	[
		'Lighthouse performance, mobile',
		'lighthouse',
		'mobile',
		'performance',
		'',
		(/** @type {number} */ v) => v >= 90,
		false
	],
	[
		'Lighthouse accessibility, mobile',
		'lighthouse',
		'mobile',
		'accessibility',
		'',
		(/** @type {number} */ v) => v === 100,
		false
	],
	[
		'Lighthouse best practices, mobile',
		'lighthouse',
		'mobile',
		'bestPractices',
		'',
		(/** @type {number} */ v) => v === 100,
		false
	],
	[
		'Lighthouse SEO, mobile',
		'lighthouse',
		'mobile',
		'seo',
		'',
		(/** @type {number} */ v) => v === 100,
		false
	],
	['LCP, desktop', 'lighthouse', 'desktop', 'lcp', 'ms', null, true],
	[
		'LCP, mobile',
		'lighthouse',
		'mobile',
		'lcp',
		'ms',
		(/** @type {number} */ v) => v <= 2000,
		true
	],
	['Total blocking time, desktop', 'lighthouse', 'desktop', 'tbt', 'ms', null, true],
	[
		'Total blocking time, mobile',
		'lighthouse',
		'mobile',
		'tbt',
		'ms',
		(/** @type {number} */ v) => v <= 200,
		true
	],
	['CLS, mobile', 'lighthouse', 'mobile', 'cls', '', (/** @type {number} */ v) => v <= 0.01, true],
	['Transfer, mobile', 'lighthouse', 'mobile', 'totalBytes', 'KiB', null, true],
	[
		'Navigation → map box shows the view, desktop',
		'playwright',
		'desktop',
		'mapLoadMs',
		'ms',
		null,
		true
	],
	[
		'Navigation → map box shows the view, phone',
		'playwright',
		'phone',
		'mapLoadMs',
		'ms',
		(/** @type {number} */ v) => v <= 1000,
		true
	],
	['Scroll: long tasks, desktop', 'playwright', 'desktop', 'longTasks', '', 'peer', true],
	['Scroll: long tasks, phone', 'playwright', 'phone', 'longTasks', '', 'peer', true],
	['Scroll: long-task time, desktop', 'playwright', 'desktop', 'longTaskMs', 'ms', null, true],
	['Scroll: long-task time, phone', 'playwright', 'phone', 'longTaskMs', 'ms', null, true],
	[
		'Scroll: longest task, desktop',
		'playwright',
		'desktop',
		'longestTaskMs',
		'ms',
		(/** @type {number} */ v) => v <= 100,
		true
	],
	[
		'Scroll: longest task, phone',
		'playwright',
		'phone',
		'longestTaskMs',
		'ms',
		(/** @type {number} */ v) => v <= 100,
		true
	],
	[
		'Scroll: frame interval p50, desktop',
		'playwright',
		'desktop',
		'frameP50',
		'ms',
		(/** @type {number} */ v) => v <= 20,
		true
	],
	[
		'Scroll: frame interval p50, phone',
		'playwright',
		'phone',
		'frameP50',
		'ms',
		(/** @type {number} */ v) => v <= 20,
		true
	],
	['Scroll: frame interval p95, desktop', 'playwright', 'desktop', 'frameP95', 'ms', null, true],
	['Scroll: frame interval p95, phone', 'playwright', 'phone', 'frameP95', 'ms', null, true]
]);

const show = (/** @type {number | null} */ v, /** @type {string} */ unit) =>
	v == null
		? '-'
		: unit === 'KiB'
			? `${(v / 1024).toFixed(0)} KiB`
			: unit === 'ms'
				? `${Math.round(v)} ms`
				: String(+v.toFixed(3));

/** Our figures of a run kept as the yardstick for later ones (--save-baseline writes it). */
const BASELINE = 'scripts/bench-baseline.json';
/** @type {{ date: string, figures: Record<string, number | null> } | null} */
const baseline = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : null;

if (ours) {
	const rows = [
		[
			'',
			'ours',
			peer ? 'peer' : '',
			peer ? 'ours / peer' : '',
			'target',
			'met',
			baseline ? `baseline ${baseline.date}` : '',
			baseline ? 'ours / baseline' : ''
		]
	];
	/** @type {Record<string, number | null>} */
	const figures = {};
	for (const [label, tool, group, key, unit, target] of ROWS) {
		const o = pick(ours, tool, group, key);
		const p = pick(peer, tool, group, key);
		const b = baseline?.figures[label] ?? null;
		figures[label] = o;
		const goal =
			target === 'peer' ? (p == null ? null : (/** @type {number} */ v) => v <= p) : target;
		rows.push([
			label,
			show(o, unit),
			show(p, unit),
			o != null && p ? (o / p).toFixed(2) : '',
			target === 'peer' ? '≤ peer' : goal ? 'see issue 10' : '',
			o == null || !goal ? '' : goal(o) ? 'yes' : 'NO',
			show(b, unit),
			o != null && b ? (o / b).toFixed(2) : ''
		]);
	}
	if (process.argv.includes('--save-baseline')) {
		const date = new Date().toISOString().slice(0, 10);
		writeFileSync(BASELINE, JSON.stringify({ date, figures }, null, '\t') + '\n');
		console.error(`saved these figures as the baseline: ${BASELINE}`);
	}
	console.log(
		`Medians of ${RUNS} Lighthouse runs and ${LOADS} cold Playwright loads, in one run (software WebGL).`
	);
	console.log(
		'Ours: the map box counts as showing the view once its still is there; the live map loads when the reader engages (the scripted scroll does).\n'
	);
	table(rows);
} else
	console.log(
		'(../shared/bench is not here: the yardstick and the peer were not run; ours alone below)\n'
	);

// ---------------------------------------------------------------- sizes, and the live map itself
const gz = (/** @type {string} */ file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
const html = readFileSync('build/index.html', 'utf8');
const early = [
	...new Set(
		[...html.matchAll(/(?:href|import\()\s*=?\s*"(\.?\/?_app\/[^"]+\.js)"/g)].map((m) =>
			m[1].replace(/^\.?\//, '')
		)
	)
];
const all = files('build/_app');
const lazy = all.filter((f) => /\.(m?js)$/.test(f) && !early.includes(f.replace(/^build\//, '')));
// The data files, not the .br and .gz copies the build writes beside them.
const data = readdirSync('build/data')
	.filter((n) => n.endsWith('.json'))
	.map((n) => join('build/data', n));
console.log(
	`JavaScript before the map (gzip): ${kb(early.reduce((s, f) => s + gz(join('build', f)), 0))} in ${early.length} files`
);
console.log(
	`JavaScript loaded for the live map (gzip): ${kb(lazy.reduce((s, f) => s + gz(f), 0))} in ${lazy.length} files`
);
console.log(`Map data (gzip): ${kb(data.reduce((s, f) => s + gz(f), 0))} in ${data.length} files`);
console.log(
	`HTML of the story (gzip): ${kb(gz('build/index.html'))}; first still (phone): ${kb(statSync(`build/stills/${/\/stills\/([\w-]+-narrow\.webp)/.exec(html)?.[1]}`).size)}`
);

const server = await serve('build', 0);
const base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
const browser = await chromium.launch({
	executablePath: CHROME,
	args: CHROME_FLAGS
});
for (const [name, viewport] of /** @type {const} */ ([
	['desktop', { width: 1280, height: 800 }],
	['phone', { width: 412, height: 823 }]
])) {
	const times = [];
	for (let i = 0; i < Number(LOADS); i++) {
		const page = await browser.newPage({ viewport });
		await page.goto(`${base}/`);
		await page.waitForSelector('[data-live="waiting"]', { state: 'attached' });
		const t0 = await page.evaluate(() => performance.now());
		await page.mouse.move(5, 5);
		await page.waitForSelector('[data-map-state="ready"]', { timeout: 60_000 });
		times.push((await page.evaluate(() => performance.now())) - t0);
		await page.close();
	}
	console.log(
		`Live map, from the reader's first move to drawn, ${name}, median of ${LOADS}: ${Math.round(/** @type {number} */ (median(times)))} ms (software WebGL)`
	);
}
await browser.close();
server.close();

// ---------------------------------------------------------------- how the cost grows with the story
if (!process.argv.includes('--no-scale'))
	run(
		process.execPath,
		['scripts/bench-scale.js', '--sizes', arg('sizes', '10,50,200'), '--loads', LOADS],
		{
			stdio: ['ignore', 'inherit', 'inherit']
		}
	);
