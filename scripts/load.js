// npm run load: a bounded load test of the built site as `npm start` serves it (scripts/serve.js,
// in its own process). 200 connections for 20 s (LOAD_SECONDS) ask in turn, as browsers and
// hostile clients would: the story page, the largest data file and a source page (brotli
// accepted); the same with a stale and a matching ETag (200 and 304); byte ranges, well and badly
// formed (ignored: 200 with the whole file); hostile paths (host files, precompressed copies by
// name, dot segments, bad escapes: 404 or 400) and another method (405). Prints requests per
// second, latency, the answers by kind, the unexpected ones and whether the server is still up.
// Exits 1 on any error or unexpected answer. Not part of npm test: run it alone (it keeps both
// cores busy), after npm run build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { request } from 'node:http';
import autocannon from 'autocannon';

const seconds = Number(process.env.LOAD_SECONDS ?? 20);
const connections = 200;

const server = spawn(process.execPath, ['scripts/serve.js'], {
	env: { ...process.env, PORT: '0' },
	stdio: ['ignore', 'pipe', 'inherit']
});
let exited = false;
server.once('exit', () => (exited = true));
const port = await new Promise((resolve, reject) => {
	server.stdout.on('data', (d) => {
		const at = /localhost:(\d+)/.exec(String(d));
		if (at) resolve(Number(at[1]));
	});
	server.once('exit', (code) =>
		reject(new Error(`the server exited (${code}): run npm run build first`))
	);
});

/** Status and ETag of one GET. */
const get = (/** @type {string} */ path) =>
	new Promise((resolve) => {
		const req = request(
			{ host: '127.0.0.1', port, path },
			(res) => (res.resume(), resolve({ status: res.statusCode, etag: res.headers.etag }))
		);
		req.on('error', (e) => resolve({ status: /** @type {NodeJS.ErrnoException} */ (e).code }));
		req.end();
	});

const largestData = fs
	.readdirSync('build/data')
	.filter((f) => f.endsWith('.json'))
	.sort((a, b) => fs.statSync(`build/data/${b}`).size - fs.statSync(`build/data/${a}`).size)[0];
const source = fs
	.readdirSync('build/sources')
	.find((f) => f.endsWith('.html'))
	?.replace(/\.html$/, '');
const pages = ['/', `/data/${largestData}`, `/sources/${source}`];
const etag = /** @type {{ etag: string }} */ (await get(pages[0])).etag;

/** @typedef {{ path: string, method?: 'GET' | 'POST', headers?: Record<string, string> }} Req */
/** Each kind of request, with the answers it may get.
 *  @type {Record<string, { expect: number[], requests: Req[] }>} */
const kinds = {
	page: {
		expect: [200],
		requests: pages.map((path) => ({ path, headers: { 'accept-encoding': 'br, gzip' } }))
	},
	conditional: {
		expect: [200, 304],
		requests: [
			{ path: '/', headers: { 'if-none-match': etag } },
			{ path: '/', headers: { 'if-none-match': 'W/"stale"' } },
			{ path: pages[1], headers: { 'if-modified-since': new Date().toUTCString() } }
		]
	},
	range: {
		expect: [200],
		requests: [
			'bytes=100-50',
			'bytes=0-99999999999999999999',
			'bytes=-100',
			'bytes=0-0,5-9',
			'items=0-5'
		].map((range) => ({ path: pages[1], headers: { range } }))
	},
	hostile: {
		expect: [400, 404, 405],
		requests: [
			...[
				'//_headers',
				'/_redirects/',
				'/index.html.br',
				'/embed/../../package.json',
				'/%2e%2e/%2e%2e/etc/passwd',
				'/%',
				'/%E0%A4%A',
				`/${'a'.repeat(4000)}`
			].map((path) => ({ path })),
			{ path: '/', method: 'POST' }
		]
	}
};

/** @type {Record<string, Record<string, number>>} */
const answers = {};
/** The first few unexpected answers, and their count. */
const unexpected = { count: 0, first: /** @type {string[]} */ ([]) };
const requests = Object.entries(kinds).flatMap(([kind, { expect, requests }]) =>
	requests.map((r) => ({
		...r,
		method: r.method ?? 'GET',
		onResponse: (/** @type {number} */ status) => {
			answers[kind] ??= {};
			answers[kind][status] = (answers[kind][status] ?? 0) + 1;
			if (!expect.includes(status) && unexpected.count++ < 10)
				unexpected.first.push(
					`${r.method ?? 'GET'} ${r.path.slice(0, 60)} ${JSON.stringify(r.headers ?? {})}: ${status}`
				);
		}
	}))
);

const result = await autocannon({
	url: `http://127.0.0.1:${port}`,
	connections,
	duration: seconds,
	requests
});
const after = /** @type {{ status: unknown }} */ (await get('/')).status;
server.kill();

const failures = result.errors + result.timeouts + unexpected.count;
console.log(
	`load: ${connections} connections for ${seconds} s; pages ${pages.join(', ')}, with conditional, range and hostile requests among them`
);
console.log(
	`  requests/s   ${Math.round(result.requests.average).toLocaleString('en-GB')} (${result.requests.total.toLocaleString('en-GB')} in all)`
);
console.log(
	`  latency      p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`
);
for (const [kind, statuses] of Object.entries(answers))
	console.log(
		`  ${kind.padEnd(12)} ${Object.entries(statuses)
			.map(([s, n]) => `${s}: ${n.toLocaleString('en-GB')}`)
			.join(', ')}`
	);
console.log(
	`  errors       ${failures} (connection ${result.errors}, timeouts ${result.timeouts}, unexpected answers ${unexpected.count})`
);
for (const u of unexpected.first) console.log(`    ${u}`);
console.log(`  server after ${exited ? 'exited' : `up, / answered ${after}`}`);
process.exit(failures || exited || after !== 200 ? 1 : 0);
