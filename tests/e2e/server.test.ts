// The site as a static host serves it (scripts/serve.js with build/_headers): addresses that do
// not decode get a 400 and the server keeps serving; other methods a 405; clean URLs with and
// without a trailing slash; brotli and gzip copies; immutable caching for hashed files, a short
// one for the rest; the security headers on every answer, after the path is resolved to a file;
// no byte ranges; a not-found page that reads without JavaScript and a JSON 404 for oEmbed;
// aborted downloads leave no file open; a taken port is said plainly; _headers read again after a
// rebuild; STORY chooses the story served. The requests that once stopped the server or dodged its
// headers are kept here (more in server-fuzz.test.ts). The headers file itself is the one the
// build writes from scripts/security.js.
import { spawnSync } from 'node:child_process';
import {
	cpSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	CACHE_IMMUTABLE,
	CACHE_SHORT,
	formatHeaders,
	headerRules,
	OEMBED_NOT_FOUND
} from '../../scripts/security.js';
import { PLACEHOLDER } from '../../src/lib/server/site-origin.js';
import { baseSite, baseURL, launch, open, sites } from './browser';
import { rawGet, startServer, type ServerProcess } from './raw-http';
import { BASE_PATH, SITE_ORIGIN } from './serve-build';

interface Response {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** One raw HTTP request (fetch would refuse or rewrite the malformed ones). */
function get(
	path: string,
	{ method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
	site = baseURL()
): Promise<Response> {
	const { hostname, port } = new URL(site);
	return new Promise((resolve, reject) => {
		const req = request({ hostname, port, path, method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
			);
		});
		req.on('error', reject);
		req.end();
	});
}

const hashedChunk = () =>
	readdirSync('build/_app/immutable/chunks').find((f) => f.endsWith('.js'))!;

describe('the server', () => {
	it('answers addresses that do not decode with a 400, and keeps serving', async () => {
		for (const path of ['/%', '/%E0%A4%A', '/sources/%ZZ'])
			expect((await get(path)).status, path).toBe(400);
		expect((await get('/')).status).toBe(200);
	});

	it('answers other methods than GET and HEAD with a 405', async () => {
		for (const method of ['POST', 'DELETE', 'PUT', 'PATCH']) {
			const res = await get('/', { method });
			expect(res.status, method).toBe(405);
			expect(res.headers.allow).toBe('GET, HEAD');
		}
		const head = await get('/', { method: 'HEAD' });
		expect([head.status, head.body.length]).toEqual([200, 0]);
	});

	it('serves clean URLs with and without a trailing slash', async () => {
		const page = readFileSync('build/embed/arrival.html');
		for (const path of ['/embed/arrival', '/embed/arrival/']) {
			const res = await get(path);
			expect([res.status, res.headers['content-type']], path).toEqual([
				200,
				'text/html; charset=utf-8'
			]);
			expect(res.body.equals(page), path).toBe(true);
		}
	});

	it('sends the brotli or gzip copy the browser accepts, and the file itself otherwise', async () => {
		const file = `/_app/immutable/chunks/${hashedChunk()}`;
		const raw = readFileSync(join('build', file));
		const br = await get(file, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
		expect(br.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(br.body).equals(raw)).toBe(true);
		const gz = await get(file, { headers: { 'accept-encoding': 'gzip' } });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).equals(raw)).toBe(true);
		const plain = await get(file);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.equals(raw)).toBe(true);
		expect(br.headers.vary).toBe('Accept-Encoding');
		// The story page is a fifth of its size in brotli.
		const page = await get('/', { headers: { 'accept-encoding': 'br' } });
		expect(page.body.length).toBeLessThan(readFileSync('build/index.html').length / 4);
	});

	it('caches hashed files for a year, and pages and data briefly', async () => {
		expect((await get(`/_app/immutable/chunks/${hashedChunk()}`)).headers['cache-control']).toBe(
			CACHE_IMMUTABLE
		);
		for (const path of [
			'/',
			'/embed/arrival',
			'/data/manifest.json',
			'/embed.js',
			'/stills/arrival-card.png'
		]) {
			expect((await get(path)).headers['cache-control'], path).toBe(CACHE_SHORT);
		}
	});

	it('sends the security headers: framing denied except for the embed pages', async () => {
		for (const path of [
			'/',
			'/sources/000_ed693602bbf98664',
			'/embed/arrival',
			'/data/manifest.json',
			'/nope'
		]) {
			const { headers } = await get(path);
			expect(headers['x-content-type-options'], path).toBe('nosniff');
			expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
			const csp = String(headers['content-security-policy']);
			expect(csp, path).toMatch(/(^|; )script-src 'self' 'sha256-/);
			expect(csp, path).toMatch(/(^|; )object-src 'none'(;|$)/);
			expect(csp, path).toMatch(/(^|; )base-uri 'self'(;|$)/);
			expect(csp, path).not.toContain('unsafe-eval');
			const embed = path.startsWith('/embed/');
			expect(csp, path).toContain(embed ? 'frame-ancestors *' : "frame-ancestors 'none'");
			expect(headers['x-frame-options'], path).toBe(embed ? undefined : 'DENY');
		}
	});

	it('serves the headers file the build writes, beside its not-found rules for static hosts', () => {
		expect(readFileSync('build/_headers', 'utf8')).toBe(formatHeaders(headerRules('build', '')));
		expect(readFileSync('build/_redirects', 'utf8')).toBe(
			'/oembed/*  /oembed/not-found.json  404\n/*  /404.html  404\n'
		);
		expect(readFileSync(`build/${OEMBED_NOT_FOUND.file}`, 'utf8')).toBe(OEMBED_NOT_FOUND.body);
	});

	it('answers an unknown address with the not-found page, which reads without JavaScript', async () => {
		const res = await get('/nope/nothing');
		expect([res.status, res.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
		const browser = await launch();
		try {
			const { page } = await open(browser, '/nope/nothing', { javaScriptEnabled: false });
			expect(await page.locator('h1').textContent()).toBe('There is nothing here');
			expect(await page.locator('a[href="/"]').textContent()).toBe(
				'Read the story from the beginning'
			);
		} finally {
			await browser.close();
		}
	});

	it('does not serve the host files, the precompressed copies by name, or anything outside the site', async () => {
		const { port } = new URL(baseURL());
		for (const path of [
			'/_headers',
			'/_redirects',
			'//_headers',
			'/_headers/',
			'/_redirects/',
			'/%5fheaders',
			'/x/../_headers',
			'/index.html.br',
			'/index.html.gz',
			'/../package.json',
			'/..%2f..%2fpackage.json',
			'/%2e%2e/%2e%2e/etc/passwd',
			'/.git/config'
		]) {
			const res = await rawGet(Number(port), path);
			expect(res?.status, path).toBe(404);
			expect(res?.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
		}
	});

	it('gives every spelling of a page the rules of the file it serves: no story page can be framed', async () => {
		const { port } = new URL(baseURL());
		for (const [path, file] of [
			['/index', 'index.html'],
			['//sources/000_ed693602bbf98664', 'sources/000_ed693602bbf98664.html'],
			['/404', '404.html'],
			['/embed/../index.html', 'index.html'],
			['/embed/%2e%2e/index.html', 'index.html'],
			['/embed/arrival/../../', 'index.html'],
			['//embed//arrival', 'embed/arrival.html']
		] as const) {
			const res = (await rawGet(Number(port), path))!;
			expect(res.status, path).toBe(200);
			expect(res.body.equals(readFileSync(join('build', file))), path).toBe(true);
			expect(res.headers['content-security-policy'], path).toContain(
				file.startsWith('embed/') ? 'frame-ancestors *' : "frame-ancestors 'none'"
			);
			expect(res.headers['x-frame-options'], path).toBe(
				file.startsWith('embed/') ? undefined : 'DENY'
			);
			expect(res.headers['x-content-type-options'], path).toBe('nosniff');
		}
	});

	it('puts the security headers on errors and 304s too', async () => {
		const { port } = new URL(baseURL());
		const etag = (await get('/embed.js')).headers.etag as string;
		const answers = [
			await get('/embed.js', { headers: { 'if-none-match': etag } }),
			await get('/%'),
			await get('/', { method: 'POST' }),
			(await rawGet(Number(port), '/', { 'X-Long': 'a'.repeat(20_000) }))!
		];
		expect(answers.map((r) => r.status)).toEqual([304, 400, 405, 431]);
		for (const { status, headers } of answers) {
			expect(headers['x-content-type-options'], String(status)).toBe('nosniff');
			expect(headers['content-security-policy'], String(status)).toContain(
				"frame-ancestors 'none'"
			);
		}
	});

	it('offers no byte ranges: any Range header is ignored and the whole file is sent', async () => {
		const { port } = new URL(baseURL());
		const file = readFileSync('build/data/manifest.json');
		for (const range of [
			'bytes=100-50',
			'bytes=0-99999999999999999999',
			'bytes=-100',
			'bytes=0-0',
			'bytes=0-0,5-9',
			'items=0-5'
		]) {
			const res = (await rawGet(Number(port), '/data/manifest.json', { Range: range }))!;
			expect(
				[res.status, res.headers['accept-ranges'], res.headers['content-range']],
				range
			).toEqual([200, 'none', undefined]);
			expect(res.body.equals(file), range).toBe(true);
		}
		expect((await get('/')).status).toBe(200);
	});

	it('answers an unknown oEmbed section with a JSON 404', async () => {
		const res = await get('/oembed/nope.json');
		expect([res.status, res.headers['content-type']]).toEqual([404, 'application/json']);
		expect(JSON.parse(res.body.toString())).toEqual({ error: 'No such section' });
	});
});

describe("the site's own address", () => {
	/** Every page of a build, and the data SvelteKit fetches with it. */
	const pages = (build: string): string[] =>
		readdirSync(build, { recursive: true, encoding: 'utf8' }).filter(
			(f) => f.endsWith('.html') || f.endsWith('__data.json')
		);

	it('is named by no built page but where SITE_ORIGIN gives it', () => {
		const foreign = /localhost|127\.0\.0\.1|sveltekit-prerender|site-origin\.invalid/;
		for (const site of [...sites(), baseSite()]) {
			const named = site === baseSite() ? SITE_ORIGIN : null;
			for (const file of pages(site.build)) {
				const text = readFileSync(join(site.build, file), 'utf8');
				expect(foreign.exec(text)?.[0], `${site.build}/${file}`).toBeUndefined();
				if (!named) expect(text, file).not.toMatch(/og:url|og:image|json\+oembed/);
			}
		}
		const story = readFileSync('build-base/index.html', 'utf8');
		expect(story).toContain(`<meta property="og:url" content="${SITE_ORIGIN}${BASE_PATH}/"`);
	});

	it('is filled into the oEmbed documents of a build without SITE_ORIGIN by the port asked', async () => {
		expect(readFileSync('build/oembed/arrival.json', 'utf8')).toContain(PLACEHOLDER);
		const here = baseURL();
		const res = await get('/oembed/arrival.json');
		expect([res.status, res.headers['content-type']]).toEqual([200, 'application/json']);
		const doc = JSON.parse(res.body.toString());
		expect(doc.provider_url).toBe(`${here}/`);
		expect(doc.html).toContain(`<iframe src="${here}/embed/arrival"`);
		expect(doc.html).toContain(`<script src="${here}/embed.js"`);
		// A Host header that is not a host name is not written into the document.
		const odd = await get('/oembed/arrival.json', { headers: { Host: 'x"><script>' } });
		expect(JSON.parse(odd.body.toString()).provider_url).toBe(`${here}/`);
	});
});

describe('a build under a base path', () => {
	it('gives every absolute address under that path: oEmbed, embed code, share images', () => {
		const doc = JSON.parse(readFileSync('build-base/oembed/arrival.json', 'utf8'));
		const site = `${SITE_ORIGIN}${BASE_PATH}`;
		expect(doc.provider_url).toBe(`${site}/`);
		expect(doc.html).toContain(`src="${site}/embed/arrival"`);
		expect(doc.html).toContain(`src="${site}/embed.js"`);
		const page = readFileSync('build-base/index.html', 'utf8');
		expect(page).toContain(`<meta property="og:image" content="${site}/stills/arrival-card.png"`);
		expect(page).toContain(`href="${site}/oembed/arrival.json"`);
		expect(readFileSync('build-base/_redirects', 'utf8')).toContain(
			`${BASE_PATH}/*  ${BASE_PATH}/404.html  404`
		);
	});
});

describe('the server as its own process', () => {
	let server: ServerProcess;
	let site: string;
	beforeAll(async () => {
		server = await startServer();
		site = `http://127.0.0.1:${server.port}`;
	});
	afterAll(() => server?.process.kill());

	const openFiles = () => readdirSync(`/proc/${server.process.pid}/fd`).length;

	it('closes the file of every aborted download', async () => {
		const before = openFiles();
		const file = `/_app/immutable/chunks/${
			readdirSync('build/_app/immutable/chunks')
				.filter((f) => f.endsWith('.js'))
				.sort(
					(a, b) =>
						readFileSync(join('build/_app/immutable/chunks', b)).length -
						readFileSync(join('build/_app/immutable/chunks', a)).length
				)[0]
		}`;
		const { hostname, port } = new URL(site);
		// 200 downloads of the largest chunk, each dropped after its first bytes.
		await Promise.all(
			Array.from(
				{ length: 200 },
				() =>
					new Promise<void>((resolve) => {
						const req = request({ hostname, port, path: file }, (res) =>
							res.once('data', () => (req.destroy(), resolve()))
						);
						req.on('error', () => resolve());
						req.end();
					})
			)
		);
		await expect.poll(openFiles, { timeout: 5000 }).toBeLessThanOrEqual(before + 2);
		expect((await get('/', {}, site)).status).toBe(200);
	});

	it('keeps serving after the requests that once stopped it', async () => {
		for (const range of ['bytes=100-50', 'bytes=0-99999999999999999999']) {
			expect(
				(await rawGet(server.port, '/data/manifest.json', { Range: range }))?.status,
				range
			).toBe(200);
		}
		expect(server.process.exitCode).toBeNull();
		expect((await get('/', {}, site)).status).toBe(200);
	});

	it('says plainly that a taken port is taken, and exits 1', () => {
		const run = spawnSync(process.execPath, ['scripts/serve.js'], {
			env: { ...process.env, PORT: new URL(site).port },
			encoding: 'utf8'
		});
		expect(run.status).toBe(1);
		expect(run.stderr.trim()).toBe(
			`Port ${new URL(site).port} is already in use: stop what uses it, or choose another port, e.g. PORT=4174 npm start`
		);
	});

	it('serves the story STORY names', async () => {
		const fixture = 'tests/fixtures/second-story';
		const other = await startServer({ STORY: fixture });
		try {
			const res = await get('/', {}, `http://127.0.0.1:${other.port}`);
			expect(res.body.equals(readFileSync(`${fixture}/build/index.html`))).toBe(true);
		} finally {
			other.process.kill();
		}
	});
});

describe('a request the server cannot answer', () => {
	it('gets a 500 with the strictest headers, and the server goes on', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'serve-broken-'));
		cpSync('build', dir, { recursive: true });
		// A rule the header matcher refuses (two *): every request's headers throw.
		writeFileSync(join(dir, '_headers'), '/*/*\n  X-Content-Type-Options: nosniff\n');
		const server = await startServer({}, [dir]);
		try {
			for (const path of ['/', '/embed/arrival']) {
				const res = (await rawGet(server.port, path))!;
				expect(res.status, path).toBe(500);
				expect(res.headers['content-security-policy'], path).toBe(
					"default-src 'none'; frame-ancestors 'none'"
				);
				expect(res.headers['x-content-type-options'], path).toBe('nosniff');
			}
			expect(server.process.exitCode).toBeNull();
			expect(server.stderr()).toContain('GET /embed/arrival: Error: _headers: /*/*: one * at most');
		} finally {
			server.process.kill();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('answers no rule of _headers covers', () => {
	it('get the strictest headers: a build served under another base path, an Expect header', async () => {
		// build-base's rules are all under its base path; served at the root, none matches.
		const server = await startServer({}, ['build-base']);
		try {
			const res = (await rawGet(server.port, '/'))!;
			expect(res.status).toBe(200);
			expect(res.headers['content-security-policy']).toBe(
				"default-src 'none'; frame-ancestors 'none'"
			);
			expect(res.headers['x-frame-options']).toBe('DENY');
			const expectation = (await rawGet(server.port, '/', { Expect: 'nothing-you-can-do' }))!;
			expect(expectation.status).toBe(417);
			expect(expectation.headers['x-content-type-options']).toBe('nosniff');
		} finally {
			server.process.kill();
		}
	});
});

describe('a rebuild while the server runs', () => {
	it('is served with its own headers file at once', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'serve-rebuild-'));
		const root = join(dir, 'build');
		cpSync('build', root, { recursive: true });
		const server = await startServer({}, [root]);
		try {
			const policy = async () =>
				(await rawGet(server.port, '/'))!.headers['content-security-policy'];
			expect(await policy()).toContain("script-src 'self' 'sha256-");
			// A new build with another page script, swapped in as the build does (scripts/atomic-build.js).
			cpSync(root, `${root}.next`, { recursive: true });
			const headers = join(`${root}.next`, '_headers');
			writeFileSync(
				headers,
				readFileSync(headers, 'utf8').replaceAll(
					"script-src 'self'",
					"script-src 'self' 'sha256-NEWPAGESCRIPT='"
				)
			);
			renameSync(root, `${root}.old`);
			renameSync(`${root}.next`, root);
			expect(await policy()).toContain("'sha256-NEWPAGESCRIPT='");
		} finally {
			server.process.kill();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
