// The server and the headers file under fuzzing (fast-check; on failure its message gives the seed
// and path to replay a case: fc.assert(..., { seed, path })). Paths of every spelling (encodings,
// dots, slashes, host-file names, long and odd characters), every method, Range, conditional and
// huge headers, and bytes that are not HTTP at all, sent raw to `node scripts/serve.js` in its own
// process: it stays up; every answer carries the security headers; every 200 is a file of the site,
// sent with its own rules from _headers; nothing else is ever sent. Then the same _headers read
// as a static host reads it (every matching rule applied, a shared header's values joined): no
// spelling of a story page lacks frame-ancestors 'none', no page gets two policies.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rulePath } from '../../scripts/resolve-request.js';
import { PLACEHOLDER } from '../../src/lib/server/site-origin.js';
import { headersFor, parseHeaders } from '../../scripts/security.js';
import { rawGet, rawRequest, startServer, type RawResponse, type ServerProcess } from './raw-http';
import { BASE_PATH } from './serve-build';

const RUNS = 2000;
const HOST_FILES = ['_headers', '_redirects'];

/** Every file of a built site, as paths relative to it. */
const listFiles = (dir: string) =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
		statSync(join(dir, f)).isFile()
	);

/** The files a reader may be sent (not the host files nor the precompressed copies), by the
 *  SHA-256 of what is sent: the file itself, or its .br or .gz copy. */
function siteFiles(dir: string) {
	const all = listFiles(dir);
	const files = all.filter((f) => !HOST_FILES.includes(f) && !/\.(br|gz)$/.test(f));
	const byHash = new Map<string, string[]>();
	const hash = (file: string) => createHash('sha256').update(servedBody(dir, file)).digest('hex');
	for (const file of files) {
		for (const [sent, key] of [
			[file, ''],
			[`${file}.br`, 'br:'],
			[`${file}.gz`, 'gzip:']
		]) {
			if (!all.includes(sent)) continue;
			const k = key + hash(sent);
			byHash.set(k, [...(byHash.get(k) ?? []), file]);
		}
	}
	return { files, byHash };
}

/** What the server sends of a file (uncompressed): the file, but for the oEmbed documents of a
 *  build without SITE_ORIGIN, which get the address they are asked at (rawGet's Host: localhost). */
function servedBody(dir: string, file: string): Buffer {
	const body = readFileSync(join(dir, file));
	return file.startsWith('oembed/') && file.endsWith('.json')
		? Buffer.from(body.toString().replaceAll(PLACEHOLDER, 'http://localhost'))
		: body;
}

const build = 'build';
const { files, byHash } = siteFiles(build);
const rules = parseHeaders(readFileSync(join(build, '_headers'), 'utf8'));
const rulesOf = (file: string) => headersFor(rules, rulePath('', file))!;

// Path segments: the site's own names and stems, the host files, dots and slashes in every
// encoding, malformed escapes, long and non-ASCII ones.
const names = [
	...new Set(files.flatMap((f) => f.split('/')).flatMap((n) => [n, n.replace(/\.html$/, '')]))
];
const segment = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...names) },
	{
		weight: 3,
		arbitrary: fc.constantFrom(
			'',
			'.',
			'..',
			'...',
			'%2e',
			'%2E%2e',
			'%2f',
			'%2F',
			'%5c',
			'\\',
			'..%2f',
			'%2e%2e%2f',
			'_headers',
			'_redirects',
			'_headers/',
			'.git',
			'.env',
			'index.html.br',
			'index.html.gz',
			'404',
			'%00',
			'%',
			'%Z',
			'%ZZ',
			'%E0%A4%A',
			'%C0%AF',
			'%FF',
			'~',
			'*',
			';',
			':',
			'%20',
			'+',
			'@',
			'a'.repeat(4000),
			'é',
			'%C3%A9'
		)
	},
	{
		weight: 2,
		arbitrary: fc
			.string({ unit: 'grapheme-ascii', maxLength: 12 })
			.map((s) => s.replace(/[\s?#]/g, ''))
	},
	{
		weight: 1,
		arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => encodeURIComponent(s))
	}
);
const target = fc
	.tuple(
		fc.array(segment, { maxLength: 6 }),
		fc.constantFrom('/', '//', '/./', '/../'),
		fc.option(fc.constantFrom('?', '?a=1', '?/../_headers', '?%'), { nil: '' })
	)
	.map(([segments, lead, query]) => lead + segments.join('/') + query);
const method = fc.constantFrom(
	'GET',
	'GET',
	'GET',
	'HEAD',
	'POST',
	'PUT',
	'DELETE',
	'OPTIONS',
	'TRACE',
	'PATCH',
	'PROPFIND',
	'FOO'
);
const big = fc.bigInt({ min: 0n, max: 10n ** 25n });
const headerValues = fc.record(
	{
		Range: fc.oneof(
			fc.tuple(big, big).map(([a, b]) => `bytes=${a}-${b}`),
			big.map((n) => `bytes=-${n}`),
			big.map((n) => `bytes=${n}-`),
			fc.constantFrom(
				'bytes=0-0',
				'bytes=0-0,5-9',
				'items=0-5',
				'bytes=100-50',
				'bytes=0-99999999999999999999',
				'bytes=',
				'bytes=-',
				'bytes=x-y',
				'bytes=0-0,'.repeat(1000)
			)
		),
		'If-None-Match': fc.oneof(
			fc.constantFrom('*', 'W/"0-0"', '""', ',', 'W/'),
			fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ''))
		),
		'If-Modified-Since': fc.oneof(
			fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toUTCString())),
			fc.constantFrom('yesterday', '0', 'Thu, 01 Jan 2099 00:00:00 GMT')
		),
		'Accept-Encoding': fc.constantFrom(
			'br',
			'gzip',
			'br;q=0, gzip',
			'gzip;q=0',
			'*',
			'identity',
			'br, gzip, deflate',
			'BR',
			';;;'
		),
		'X-Long': fc.nat({ max: 20_000 }).map((n) => 'a'.repeat(n)),
		Expect: fc.constantFrom('100-continue', 'nothing-you-can-do', '')
	},
	{ requiredKeys: [] }
);

/** What every answer carries: the security headers, with one policy that says who may frame it. */
function expectSecurityHeaders(res: RawResponse, what: string) {
	expect(res.headers['x-content-type-options'], what).toBe('nosniff');
	expect(res.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
	expect(res.headers['content-security-policy']?.match(/frame-ancestors/g), what).toHaveLength(1);
}

/** A 200 is a file of the site (found by what was sent), with that file's rules. */
function expectSiteFile(res: RawResponse, what: string) {
	const sent =
		(res.headers['content-encoding'] ? `${res.headers['content-encoding']}:` : '') +
		createHash('sha256').update(res.body).digest('hex');
	const candidates = byHash.get(sent);
	expect(candidates, `${what}: the body is no file of the site`).toBeDefined();
	const expected = candidates!.map(rulesOf);
	expect(
		expected.map((h) => [h['Content-Security-Policy'], h['X-Frame-Options'], h['Cache-Control']]),
		what
	).toContainEqual([
		res.headers['content-security-policy'],
		res.headers['x-frame-options'],
		res.headers['cache-control']
	]);
}

describe('the server, fuzzed', () => {
	let server: ServerProcess;
	beforeAll(async () => {
		server = await startServer({}, [build]);
	});
	afterAll(() => server?.process.kill());
	const alive = () =>
		expect(server.process.exitCode, `the server exited: ${server.stderr()}`).toBeNull();

	it(`answers any path, method and headers, and sends only the site's files under their own rules (${RUNS} runs)`, async () => {
		await fc.assert(
			fc.asyncProperty(method, target, headerValues, async (m, path, headers) => {
				const what = `${m} ${path.slice(0, 200)} ${JSON.stringify(headers).slice(0, 200)}`;
				const res = await rawGet(server.port, path, headers, m);
				alive();
				expect(res, `${what}: no answer`).not.toBeNull();
				expect([200, 304, 400, 404, 405, 417, 431], what).toContain(res!.status);
				expectSecurityHeaders(res!, what);
				if (res!.status === 200 && m === 'GET') expectSiteFile(res!, what);
				if (res!.status === 200) expect(res!.headers['content-range'], what).toBeUndefined();
			}),
			{ numRuns: RUNS }
		);
	});

	it(`serves every file of the site, however its path is spelled, with that file's rules (${RUNS} runs)`, async () => {
		const encode = (s: string) =>
			[...s].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
		const spelling = fc.record({
			file: fc.constantFrom(...files),
			detour: fc.constantFrom('', '/.', '/x/..', '/./x/../.', '/%2e/x/%2e%2e'),
			slashes: fc.constantFrom('/', '//', '///'),
			encoded: fc.boolean(),
			clean: fc.boolean(),
			query: fc.constantFrom('', '?v=1', '?_headers')
		});
		await fc.assert(
			fc.asyncProperty(spelling, async ({ file, detour, slashes, encoded, clean, query }) => {
				const name = clean ? file.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '') : file;
				const parts = name.split('/').map((p) => (encoded ? encode(p) : p));
				const path = `${detour}${slashes}${parts.join(slashes)}${query}`;
				const res = await rawGet(server.port, path);
				alive();
				expect(res?.status, path).toBe(200);
				expect(res!.body.equals(servedBody(build, file)), path).toBe(true);
				expectSecurityHeaders(res!, path);
				expectSiteFile(res!, path);
			}),
			{ numRuns: RUNS }
		);
	});

	it(`stays up when what it is sent is not HTTP (${RUNS} runs)`, async () => {
		const junk = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 300 }),
			fc
				.tuple(method, fc.string({ unit: 'binary-ascii', maxLength: 60 }))
				.map(([m, t]) => `${m} ${t} HTTP/1.1\r\nHost: x`),
			fc.constantFrom(
				'GET / HTTP/9.9',
				'GET / HTTP/1.1\r\nContent-Length: -1',
				'GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nZZ',
				'GET http://example.com/ HTTP/1.1',
				'GET * HTTP/1.1',
				'\0\0\0'
			)
		);
		await fc.assert(
			fc.asyncProperty(junk, async (head) => {
				const res = await rawRequest(server.port, head, true).catch(() => null);
				alive();
				if (res && res.status) expectSecurityHeaders(res, JSON.stringify(head).slice(0, 200));
			}),
			{ numRuns: RUNS }
		);
		expect((await rawGet(server.port, '/'))?.status).toBe(200);
	});
});

describe('the headers file as a static host reads it, fuzzed', () => {
	for (const [dir, base] of [
		['build', ''],
		['build-base', BASE_PATH]
	]) {
		it(`${dir}: no spelling of a page gets its framing wrong, or two policies (${RUNS} runs)`, () => {
			const all = listFiles(dir);
			const hostRules = parseHeaders(readFileSync(join(dir, '_headers'), 'utf8'));
			const pages = all.filter((f) => /\.html(\.br|\.gz)?$/.test(f));
			// A host decodes the path and resolves its dots; whether it also collapses a doubled slash
			// before matching its rules varies, so the rules are matched against the path as it is and
			// the file found with the slashes collapsed (the more lenient host).
			const hostFile = (pathname: string) => {
				const rel = pathname.slice(base.length).split('/').filter(Boolean).join('/');
				return [rel || 'index.html', `${rel}.html`, `${rel}/index.html`].find(
					(f) => all.includes(f) && !HOST_FILES.includes(f)
				);
			};
			const spelling = fc.record({
				page: fc.constantFrom(...pages),
				clean: fc.boolean(),
				lead: fc.constantFrom('/', '//', '///'),
				inner: fc.constantFrom('/', '//'),
				trailing: fc.constantFrom('', '/', '//')
			});
			fc.assert(
				fc.property(spelling, ({ page, clean, lead, inner, trailing }) => {
					const name = clean
						? page.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')
						: page;
					const pathname = `${base}${lead}${name.split('/').join(inner)}${name ? trailing : ''}`;
					const file = hostFile(pathname);
					if (!file) return;
					const headers = headersFor(hostRules, pathname);
					const policy = headers?.['Content-Security-Policy'] ?? '';
					expect(policy.match(/frame-ancestors/g), `${pathname} (${file})`).toHaveLength(1);
					if (!file.startsWith('embed/'))
						expect(policy, `${pathname} (${file})`).toContain("frame-ancestors 'none'");
				}),
				{ numRuns: RUNS }
			);
		});
	}
});
